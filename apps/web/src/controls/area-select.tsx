// A labelled choice of one area among a list (the regencies of a province, the districts of a regency),
// with an empty "choose" first: the place fields of the report and meeting forms.
export function AreaSelect({
  label,
  chooseLabel,
  areas,
  value,
  onChange,
  required,
  testId,
}: {
  label: string;
  chooseLabel: string;
  areas: ReadonlyArray<{ code: string; name: string }>;
  value: string;
  onChange: (code: string) => void;
  required?: boolean;
  testId: string;
}) {
  return (
    <label>
      {label}{' '}
      <select value={value} onChange={(event) => onChange(event.target.value)} required={required} data-testid={testId}>
        <option value="">{chooseLabel}</option>
        {areas.map((a) => (
          <option key={a.code} value={a.code}>
            {a.name}
          </option>
        ))}
      </select>
    </label>
  );
}
