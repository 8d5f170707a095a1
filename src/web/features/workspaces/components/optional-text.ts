/** Empty inputs mean "not given" to the create schema, whose optional fields reject "". */
export const emptyToUndefined = (value: string) => (value.trim() === '' ? undefined : value);

/** Empty inputs mean "clear it" to the update schema, whose optional fields are nullable. */
export const emptyToNull = (value: string | null) => (value === null || value.trim() === '' ? null : value);
