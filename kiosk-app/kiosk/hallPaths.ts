// Hall-server paths the kiosk uses beyond the core and identity API paths.
/** The active pack's plain data (PackData JSON), served by the packs module. */
export const PACK_DATA_PATH = '/api/packs/active';
