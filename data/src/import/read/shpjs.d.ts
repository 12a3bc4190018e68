// shpjs ships no types; the one call used here (a shapefile's parts, already unzipped).
declare module 'shpjs' {
  export default function getShapefile(parts: {
    shp: Uint8Array;
    dbf?: Uint8Array;
    cpg?: string;
    prj?: string;
  }): Promise<{ type: 'FeatureCollection'; features: Array<{ properties?: Record<string, unknown> | null; geometry?: unknown }> }>;
}
