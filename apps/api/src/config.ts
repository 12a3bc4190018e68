// The API's configuration: the one environment loader, shared with the CLI (data/src/config.ts).
export { loadConfig, processEnv, ConfigError, type Config } from '@pantau/data';
