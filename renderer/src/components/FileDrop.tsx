import { useId, useRef, useState, type ReactNode } from 'react';

/**
 * A place to drop files from the file manager, with a button for those who would rather choose
 * them. `className` names the look; `<className>-over` is added while files are dragged over it.
 */
export function FileDrop({ className, accept, multiple, inputLabel, button, busy, disabled, onFiles, children }: {
  className: string;
  accept: string;
  multiple?: boolean;
  /** The chooser's name for assistive technology (the button opens it). */
  inputLabel: string;
  button: ReactNode;
  busy?: boolean;
  disabled?: boolean;
  onFiles(files: File[]): void;
  children: ReactNode;
}) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const take = (files: FileList | null) => {
    const list = [...(files ?? [])];
    if (!disabled && list.length) onFiles(list);
  };
  return (
    <div
      className={`${className}${over ? ` ${className}-over` : ''}`}
      onDragOver={(e) => {
        e.preventDefault();
        e.dataTransfer.dropEffect = disabled ? 'none' : 'copy';
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        e.preventDefault();
        setOver(false);
        take(e.dataTransfer.files);
      }}
    >
      {children}
      <label htmlFor={id} className="visually-hidden">{inputLabel}</label>
      <input
        ref={input}
        id={id}
        type="file"
        multiple={multiple}
        accept={accept}
        className="visually-hidden"
        tabIndex={-1}
        disabled={disabled}
        onChange={(e) => {
          take(e.target.files);
          e.target.value = '';
        }}
      />
      <button type="button" className="btn" disabled={disabled} aria-busy={busy || undefined} onClick={() => input.current?.click()}>{button}</button>
    </div>
  );
}
