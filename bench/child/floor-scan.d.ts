/** The floor scan of floor-scan.js: what it walked in the workbook. */
export function floorScan(file: string): { cells: number; strings: number };
