// Forms whose fields are held in plain state rather than react-hook-form (forms.tsx is the way for a
// new form): the server checks what is sent and its refusal (422 with field paths) is shown by
// ErrorSummary and each field's `error`. These pieces keep such a form's wiring written once: the
// <form> itself, the text of its boxes bound to their names, and date boxes read when it is sent.
import { type ReactNode, useState } from "react";
import { type DateParts, datePartsOf, isBlankDate, parseDateParts } from "../../shared/date-input";

/** The <form>: sending it runs `onSubmit` without reloading the page, and the browser checks nothing. */
export function PlainForm({
  onSubmit,
  className,
  children,
}: {
  onSubmit: () => void;
  className?: string;
  children: ReactNode;
}) {
  return (
    <form
      className={className}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit();
      }}
    >
      {children}
    </form>
  );
}

/** What TextInput, Select and TextArea (forms.tsx) take for one field. */
export interface BoundField {
  id: string;
  name: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
}

/**
 * The text of a form's boxes and selects, by field name. `field(errors)` binds a box to its name
 * once: `<TextInput {...field("grade", "add-grade")} label="Grade" />` gets the name the server's
 * issues use, its value, its setter and the server's error for that name. `onEdit` runs on every
 * change (to clear a success banner, say).
 */
export function useTextFields<T extends Record<string, string>>(initial: T, onEdit?: () => void) {
  const [values, setValues] = useState<T>(initial);
  const set = (name: keyof T) => (value: string) => {
    setValues((v) => ({ ...v, [name]: value }));
    onEdit?.();
  };
  const field =
    (errors: Record<string, string>) =>
    (name: keyof T & string, id: string = name): BoundField => ({
      id,
      name,
      value: values[name],
      onChange: set(name),
      error: errors[name],
    });
  return { values, set, field, reset: () => setValues(initial) };
}

/**
 * Date boxes read when the form is sent: `read(what)` gives the ISO day, or undefined after putting
 * the GOV.UK pattern's message (which starts with `what`: "Leaving date must include a month") on
 * the boxes until the next send. With `blankAs`, boxes left empty read as it instead: null for an
 * optional date, "" to send the blank on for the server to ask for the date in its own words.
 */
export function useDateBoxes(initial: string | null = null) {
  const [value, setValue] = useState<DateParts>(datePartsOf(initial));
  const [error, setError] = useState<string | undefined>();
  const read = <B extends string | null = never>(what: string, blankAs?: B): string | B | undefined => {
    if (blankAs !== undefined && isBlankDate(value)) {
      setError(undefined);
      return blankAs;
    }
    const parsed = parseDateParts(value, what);
    setError(parsed.ok ? undefined : parsed.message);
    return parsed.ok ? parsed.iso : undefined;
  };
  return { value, onChange: setValue, error, read, reset: () => setValue(datePartsOf(initial)) };
}
