declare module 'asciichart' {
  export interface PlotConfig {
    min?: number;
    max?: number;
    offset?: number;
    padding?: string;
    height?: number;
    colors?: (string | undefined)[];
    symbols?: string[];
    format?: (value: number, index: number) => string;
  }
  export function plot(series: number[] | number[][], config?: PlotConfig): string;
  export const red: string;
  export const green: string;
  export const reset: string;
  const asciichart: { plot: typeof plot; red: string; green: string; reset: string };
  export default asciichart;
}
