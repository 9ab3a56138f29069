/*
 * Placeholder entry so the bundle builds; the real task pane replaces this file.
 */
import { createRoot } from "react-dom/client";

const container = document.getElementById("container");
if (container) {
  createRoot(container).render(<h1>Kiểm tra Phụ lục nhiệm vụ</h1>);
}
