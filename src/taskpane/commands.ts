/*
 * The ribbon's FunctionFile (commands.html). The only ribbon button opens the task pane through a
 * ShowTaskpane action, which needs no code; Office still loads this page for the add-in, and waits for
 * Office.onReady before it treats the add-in as ready.
 */
Office.onReady(() => {
  // Nothing to register yet: ExecuteFunction buttons would be associated here with Office.actions.associate.
});
