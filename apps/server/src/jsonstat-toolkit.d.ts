// jsonstat-toolkit ships no types: the little of it the open data tests read (https://github.com/jsonstat/toolkit).
declare module "jsonstat-toolkit" {
  interface JsonStatCategory {
    readonly label: string;
    readonly index: number;
    readonly unit: { readonly label?: string; readonly decimals?: number } | null;
  }
  interface JsonStatNode {
    readonly class: string | null;
    readonly id: string[];
    readonly label: string | null;
    readonly length: number;
    readonly extension: Record<string, unknown> | null;
    Dataset(index: number): JsonStatNode;
    Dimension(id: string | number): JsonStatNode;
    Category(id: string | number): JsonStatCategory | null;
    Data(coordinates: Record<string, string>): { readonly value: number | null; readonly status: string | null } | null;
  }
  export default function JSONstat(input: object): JsonStatNode;
}
