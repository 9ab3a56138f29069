/** A directory written back as JSON for people to share (read back by directory-file.ts). */
import { DirectoryData } from "./directory-schema";

export function directoryToJson(data: DirectoryData): string {
  return `${JSON.stringify(data, null, 2)}\n`;
}
