/*
 * Entry of the task pane bundle (taskpane.html): everything it imports is in the initial JavaScript, so heavy
 * modules (ExcelJS for consolidation) are reached only through import().
 */
import { startPane } from "./start";

const container = document.getElementById("container");
if (container) void startPane(container);
