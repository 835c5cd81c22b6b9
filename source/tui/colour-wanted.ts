/** NO_COLOR (present and not empty, see no-color.org) turns every colour and text style off. */
export function colourWanted(env: NodeJS.ProcessEnv = process.env): boolean {
  return !(env.NO_COLOR !== undefined && env.NO_COLOR !== '');
}
