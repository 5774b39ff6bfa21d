import { useBlocker } from "@tanstack/react-router";

export const UNSAVED_MESSAGE = "You have changes that are not saved. Leave this page and lose them?";

/**
 * Warns before leaving a page with changes that are not saved: a question before moving to another
 * page of the hub (and going back), and the browser's own warning before closing or reloading the tab.
 */
export function useUnsavedChangesWarning(unsaved: boolean, message = UNSAVED_MESSAGE) {
  useBlocker({
    shouldBlockFn: () => unsaved && !window.confirm(message),
    enableBeforeUnload: () => unsaved,
  });
}
