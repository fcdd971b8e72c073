import { useCallback, useId, useState, type FormHTMLAttributes, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from 'react';
import { FormProvider, get, useController, useFormContext, type FieldError, type FieldValues, type Path, type UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ApiError, type FieldIssue } from '../../../shared/contract/errors.ts';
import { encodeIssue, fieldErrorText, toApiError } from './errors.ts';
import { ErrorAlert, Notice } from './feedback.tsx';
import { Modal } from './Modal.tsx';

type FormProps<T extends FieldValues, C, O> = Omit<FormHTMLAttributes<HTMLFormElement>, 'onSubmit'> & {
  form: UseFormReturn<T, C, O>;
  onSubmit: (values: O) => Promise<void> | void;
  children: ReactNode;
};

/** A native form (Enter submits) wired to react-hook-form; browser validation stays off. */
export function Form<T extends FieldValues, C, O>({ form, onSubmit, children, ...rest }: FormProps<T, C, O>) {
  return (
    <FormProvider {...form}>
      <form
        noValidate
        {...rest}
        onSubmit={(event) => {
          if (form.formState.isSubmitting) {
            event.preventDefault();
            return;
          }
          void form.handleSubmit(onSubmit)(event);
        }}
      >
        {children}
      </form>
    </FormProvider>
  );
}

/**
 * Every leaf path of a form's values ("signer.nip"): where a server issue can be shown. A list
 * is a place of its own ("speakers") and so is each field of its rows ("speakers.0.name").
 */
function leafPaths(value: unknown, prefix = ''): string[] {
  if (Array.isArray(value)) {
    return [...(prefix ? [prefix] : []), ...value.flatMap((v, i) => (v !== null && typeof v === 'object' ? leafPaths(v, prefix ? `${prefix}.${i}` : String(i)) : []))];
  }
  if (value === null || typeof value !== 'object') return prefix ? [prefix] : [];
  return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) => leafPaths(v, prefix ? `${prefix}.${k}` : k));
}

interface ErrorTarget {
  getValues(): unknown;
  setError(name: never, error: { type: string; message: string }, options?: { shouldFocus?: boolean }): void;
}

/**
 * A call's error for a form: VALIDATION issues go under their fields (by `issue.path`),
 * the first one focused; everything else becomes the form's alert.
 */
export function useSubmitError(form: ErrorTarget) {
  const [alert, setAlert] = useState<ApiError | null>(null);
  const fail = useCallback((err: unknown) => {
    const e = toApiError(err);
    const issues = e.code === 'VALIDATION' ? (e.details?.issues ?? []) : [];
    if (issues.length === 0) {
      setAlert(e);
      return;
    }
    const fields = new Set(leafPaths(form.getValues()));
    const setError = form.setError as unknown as (name: string, error: { type: string; message: string }, options?: { shouldFocus?: boolean }) => void;
    const rest: FieldIssue[] = [];
    let focus = true;
    for (const issue of issues) {
      const name = issue.path.join('.');
      if (fields.has(name)) {
        setError(name, { type: 'server', message: encodeIssue(issue.message, issue.params) }, { shouldFocus: focus });
        focus = false;
      } else {
        rest.push(issue);
      }
    }
    setAlert(rest.length ? new ApiError('VALIDATION', e.message, { ...e.details, issues: rest }) : null);
  }, [form]);
  const clear = useCallback(() => setAlert(null), []);
  return { alert, fail, clear };
}

export function FormAlert({ error }: { error: unknown }) {
  return error ? <ErrorAlert error={error} /> : null;
}

interface FieldFrameProps {
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  optional?: boolean;
  className?: string;
  children: (props: { id: string; 'aria-invalid'?: true; 'aria-describedby'?: string }) => ReactNode;
}

export function FieldFrame({ name, label, hint, optional, className, children }: FieldFrameProps) {
  const { t } = useTranslation();
  const { formState } = useFormContext();
  const error = get(formState.errors, name) as FieldError | undefined;
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  // While an error is shown it replaces the hint: the message already says what is expected.
  const showHint = hint && !error?.message;
  const describedBy = [showHint ? hintId : null, error?.message ? errorId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field${error ? ' field-invalid' : ''}${className ? ` ${className}` : ''}`}>
      <label htmlFor={id}>
        {label}
        {optional && <span className="field-optional"> ({t('common.optional')})</span>}
      </label>
      {children({ id, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy })}
      {showHint && <p className="field-hint" id={hintId}>{hint}</p>}
      {error?.message && <p className="field-error" id={errorId}>{fieldErrorText(t, error.message)}</p>}
    </div>
  );
}

type TextFieldProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'name' | 'id'> & {
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  optional?: boolean;
  fieldClassName?: string;
};

export function TextField({ name, label, hint, optional, fieldClassName, type = 'text', ...input }: TextFieldProps) {
  const { register } = useFormContext();
  return (
    <FieldFrame name={name} label={label} hint={hint} optional={optional} className={fieldClassName}>
      {(a11y) => <input type={type} {...input} {...a11y} {...register(name)} />}
    </FieldFrame>
  );
}

type TextAreaFieldProps = Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'name' | 'id'> & {
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  optional?: boolean;
  fieldClassName?: string;
};

export function TextAreaField({ name, label, hint, optional, fieldClassName, rows = 3, ...textarea }: TextAreaFieldProps) {
  const { register } = useFormContext();
  return (
    <FieldFrame name={name} label={label} hint={hint} optional={optional} className={fieldClassName}>
      {(a11y) => <textarea rows={rows} {...textarea} {...a11y} {...register(name)} />}
    </FieldFrame>
  );
}

export interface Option {
  value: string;
  label: string;
}

/** Options shown under a heading (`<optgroup>`), e.g. PNS and PPPK golongan. */
export interface OptionGroup {
  label: string;
  options: Option[];
}

type SelectFieldProps = Omit<SelectHTMLAttributes<HTMLSelectElement>, 'name' | 'id'> & {
  name: string;
  label: ReactNode;
  options: (Option | OptionGroup)[];
  /** An empty first choice ("— Pilih —"). */
  placeholder?: string;
  hint?: ReactNode;
  fieldClassName?: string;
};

export function SelectField({ name, label, options, placeholder, hint, fieldClassName, ...select }: SelectFieldProps) {
  const { register } = useFormContext();
  return (
    <FieldFrame name={name} label={label} hint={hint} className={fieldClassName}>
      {(a11y) => (
        <select {...select} {...a11y} {...register(name)}>
          {placeholder !== undefined && <option value="">{placeholder}</option>}
          {renderOptions(options)}
        </select>
      )}
    </FieldFrame>
  );
}

function renderOptions(options: (Option | OptionGroup)[]) {
  return options.map((o) => ('options' in o ? (
    <optgroup key={o.label} label={o.label}>
      {o.options.map((g) => <option key={g.value} value={g.value}>{g.label}</option>)}
    </optgroup>
  ) : <option key={o.value} value={o.value}>{o.label}</option>));
}

/**
 * A select whose value React keeps (react-hook-form's controller): for options that arrive
 * or change after the form was filled (units loaded later, golongan lists that follow the
 * NIP), where an uncontrolled select would silently fall back to its first option.
 */
export function ControlledSelectField({ name, label, options, placeholder, hint, fieldClassName, ...select }: SelectFieldProps) {
  const { field } = useController({ name });
  const value = (field.value ?? '') as string;
  return (
    <FieldFrame name={name} label={label} hint={hint} className={fieldClassName}>
      {(a11y) => (
        <select {...select} {...a11y} name={field.name} ref={field.ref} value={value} onChange={field.onChange} onBlur={field.onBlur}>
          {placeholder !== undefined && <option value="">{placeholder}</option>}
          {renderOptions(options)}
        </select>
      )}
    </FieldFrame>
  );
}

/** The form's main button; it says what is happening while the call runs. */
export function SubmitButton({ children, busyText, className = 'btn btn-primary' }: { children: ReactNode; busyText?: ReactNode; className?: string }) {
  const { formState } = useFormContext();
  const { t } = useTranslation();
  return (
    <button type="submit" className={className} aria-busy={formState.isSubmitting || undefined}>
      {formState.isSubmitting ? (busyText ?? t('common.saving')) : children}
    </button>
  );
}

/**
 * The end of a form: what went wrong, what was saved (once it was), and the button; in a
 * dialog, "Batal" beside it.
 */
export function FormFooter({ error, done, submitLabel, onCancel }: { error: unknown; done?: ReactNode; submitLabel: ReactNode; onCancel?: () => void }) {
  const { t } = useTranslation();
  return (
    <>
      <FormAlert error={error} />
      {done ? <Notice>{done}</Notice> : null}
      <div className="form-actions">
        <SubmitButton>{submitLabel}</SubmitButton>
        {onCancel && <button type="button" className="btn" onClick={onCancel}>{t('common.cancel')}</button>}
      </div>
    </>
  );
}

/**
 * A form's submit: `send` makes the call (or resolves to undefined when a check of its own
 * stopped it), `onDone` takes what came back; a refusal goes under the fields or in the alert,
 * and `onFail` may then move it.
 */
export function useSubmitAction<V extends FieldValues, C, O, R>(
  form: UseFormReturn<V, C, O>,
  send: (values: O) => Promise<R | undefined>,
  onDone: (result: R) => void | Promise<void>,
  onFail?: (values: O) => void,
) {
  const submit = useSubmitError(form);
  const onSubmit = async (values: O) => {
    submit.clear();
    try {
      const result = await send(values);
      if (result !== undefined) await onDone(result);
    } catch (err) {
      submit.fail(err);
      onFail?.(values);
    }
  };
  return { onSubmit, alert: submit.alert };
}

/**
 * A form that saves a record and shows it saved: `save` sends the values, and the form is reset
 * to what came back (so it is no longer dirty); a refusal goes under the fields or in the alert.
 */
export function useSaveForm<V extends FieldValues, T>(form: UseFormReturn<V>, save: (values: V) => Promise<T>, toValues: (saved: T) => V) {
  const [saved, setSaved] = useState(false);
  const { onSubmit, alert } = useSubmitAction(form, (values: V) => {
    setSaved(false);
    return save(values);
  }, (result: T) => {
    form.reset(toValues(result));
    setSaved(true);
  });
  return { onSubmit, alert, saved };
}

interface SendProps<V extends FieldValues, C, O, R> {
  form: UseFormReturn<V, C, O>;
  /** The call (see useSubmitAction). */
  send: (values: O) => Promise<R | undefined>;
  onDone: (result: R) => void | Promise<void>;
  onFail?: (values: O) => void;
  submitLabel: ReactNode;
  children: ReactNode;
}

/**
 * A form in a dialog (add or edit a record, withdraw someone with a reason): an optional note,
 * the fields, what went wrong, the button and "Batal". Escape and "Tutup" close it as "Batal"
 * does; the cursor starts in the first field.
 */
export function FormDialog<V extends FieldValues, C, O, R>({ title, note, size, initialFocus, onClose, form, send, onDone, onFail, submitLabel, children }: SendProps<V, C, O, R> & {
  title: ReactNode;
  note?: ReactNode;
  size?: 'medium' | 'wide';
  initialFocus?: string;
  onClose: () => void;
}) {
  const { onSubmit, alert } = useSubmitAction(form, send, onDone, onFail);
  return (
    <Modal title={title} onClose={onClose} size={size} initialFocus={initialFocus}>
      {note && <p className="form-note">{note}</p>}
      <Form form={form} onSubmit={onSubmit}>
        {children}
        <FormFooter error={alert} submitLabel={submitLabel} onCancel={onClose} />
      </Form>
    </Modal>
  );
}

/**
 * A card that adds records one after another: once one is saved the form empties and the
 * cursor goes back to `next`, its first field, for the next one.
 */
export function FormCard<V extends FieldValues, C, O, R>({ title, next, form, send, onDone, onFail, submitLabel, children }: SendProps<V, C, O, R> & { title: ReactNode; next: Path<V> }) {
  const id = useId();
  const { onSubmit, alert } = useSubmitAction(form, send, async (result: R) => {
    await onDone(result);
    form.reset();
    form.setFocus(next);
  }, onFail);
  return (
    <section className="card" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      <Form form={form} onSubmit={onSubmit}>
        {children}
        <FormFooter error={alert} submitLabel={submitLabel} />
      </Form>
    </section>
  );
}
