/**
 * Server actions are public endpoints: whatever the form's TypeScript type says, a crafted request
 * can hand an action any argument list (a JSON array, no FormData at all). These read a form's
 * fields without trusting that the argument is one, so a wrong type is a validation failure,
 * never a TypeError (a 500). The tag, not `instanceof`: the FormData that Next's decoder makes need
 * not be this module's global class, and JSON can't forge a Symbol.toStringTag.
 */
function isFormData(input: unknown): input is FormData {
  return Object.prototype.toString.call(input) === "[object FormData]";
}

export function formEntries(input: unknown): Record<string, FormDataEntryValue> {
  return isFormData(input) ? Object.fromEntries(input) : {};
}

export function formValue(input: unknown, name: string): FormDataEntryValue | null {
  return isFormData(input) ? input.get(name) : null;
}
