import { useId } from 'react';
import type { ClassificationPreview } from '../../api/inventory.api.js';

type Question = NonNullable<ClassificationPreview['next']>;
type Answer = string | string[];

interface QuestionStepProps {
  question: Question;
  value: Answer | undefined;
  onChange: (value: Answer) => void;
  error: string | null;
}

/**
 * One question of the screening as a fieldset: radio buttons for one answer, checkboxes for
 * several. The question's help and the articles it rests on are read out with the group.
 */
export function QuestionStep({ question, value, onChange, error }: QuestionStepProps) {
  const id = useId();
  const multi = question.type === 'multi';
  const chosen = Array.isArray(value) ? value : value === undefined ? [] : [value];
  const described = [question.help ? `${id}-help` : '', `${id}-cite`, error ? `${id}-error` : ''].filter(Boolean).join(' ');

  // "None of these" excludes the other answers of a multi question, and they exclude it.
  const toggle = (option: string, checked: boolean) => {
    if (!checked) return onChange(chosen.filter((v) => v !== option));
    if (option === 'none') return onChange(['none']);
    onChange([...chosen.filter((v) => v !== 'none'), option]);
  };

  return (
    <fieldset className={`fieldset wizard__question${error ? ' field--invalid' : ''}`} aria-describedby={described}>
      <legend className="wizard__legend">{question.text}</legend>
      {question.help ? (
        <p id={`${id}-help`} className="field__hint">
          {question.help}
        </p>
      ) : null}
      <p id={`${id}-cite`} className="wizard__cite">
        <span className="muted">Cites </span>
        {question.cite.join(', ')}
      </p>
      <div className="wizard__options">
        {question.options.map((option) => {
          const optionId = `${id}-${option.value}`;
          return (
            <div key={option.value} className="check wizard__option">
              <input
                id={optionId}
                type={multi ? 'checkbox' : 'radio'}
                name={question.id}
                value={option.value}
                className="check__input"
                checked={chosen.includes(option.value)}
                onChange={(e) => (multi ? toggle(option.value, e.target.checked) : onChange(option.value))}
              />
              <label htmlFor={optionId} className="check__label">
                {option.label}
              </label>
            </div>
          );
        })}
      </div>
      {error ? (
        <p id={`${id}-error`} className="field__error" role="alert">
          <span aria-hidden="true">⚠ </span>
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
