// An error a region route answers with: `{"error":{"code","message",…extra}}`. The message is Chinese, for the people
// who read it in a hall's or the region's console; logs carry the code.
export class RegionError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
  }
}
