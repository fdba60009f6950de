import type { FormEvent, ReactNode } from 'react';
import { useEffect, useId, useState } from 'react';
import type { ContestApi, UnitHit } from './api.ts';
import { errorText } from './errors.ts';
import type { MessageKey } from './i18n.ts';
import { useT } from './i18n.ts';
import { solveChallenge } from './pow.ts';

type Fields = { fullName: string; phone: string; birthYear: string; idNumber: string };
type FieldErrors = Partial<Record<keyof Fields, string>>;

const normalisePhone = (value: string) => {
  const digits = value.replace(/[\s.\-()]/g, '');
  if (/^\+84\d{9}$/.test(digits)) return '0' + digits.slice(3);
  if (/^84\d{9}$/.test(digits)) return '0' + digits.slice(2);
  return digits;
};

/** Registration: checked here first (same rules as the server), then the proof of work. */
export function RegisterForm(props: {
  api: ContestApi;
  contestId: string;
  onRegistered: () => void;
}) {
  const { t } = useT();
  const [fields, setFields] = useState<Fields>({
    fullName: '',
    phone: '',
    birthYear: '',
    idNumber: '',
  });
  const [unitText, setUnitText] = useState('');
  const [unit, setUnit] = useState<UnitHit | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [phase, setPhase] = useState<'idle' | 'solving' | 'sending'>('idle');

  const set = (key: keyof Fields) => (value: string) => setFields((f) => ({ ...f, [key]: value }));

  function validate(): FieldErrors {
    const found: FieldErrors = {};
    const year = Number(fields.birthYear);
    if (!fields.fullName.trim()) found.fullName = t('required', { field: t('fullName') });
    if (!/^0\d{9}$/.test(normalisePhone(fields.phone))) found.phone = t('badPhone');
    if (!Number.isInteger(year) || year < 1900 || year > new Date().getFullYear())
      found.birthYear = t('badBirthYear');
    const id = fields.idNumber.replace(/\s/g, '');
    if (id && !/^(\d{12}|\d{9})$/.test(id)) found.idNumber = t('badIdNumber');
    return found;
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found = validate();
    setErrors(found);
    setFailure(null);
    if (Object.keys(found).length > 0) return;
    try {
      setPhase('solving');
      const { challenge, difficulty } = await props.api.challenge();
      const solution = await solveChallenge(challenge, difficulty);
      setPhase('sending');
      await props.api.register({
        fullName: fields.fullName.trim(),
        phone: normalisePhone(fields.phone),
        birthYear: Number(fields.birthYear),
        unitId: unit?.id ?? null,
        unitText: unit ? null : unitText.trim() || null,
        idNumber: fields.idNumber.replace(/\s/g, '') || null,
        challenge,
        solution,
      });
      props.onRegistered();
    } catch (error) {
      setFailure(errorText(t, error));
    } finally {
      setPhase('idle');
    }
  }

  return (
    <section className="cp-card" aria-labelledby="register-heading">
      <h2 id="register-heading">{t('register')}</h2>
      <p className="cp-muted">{t('registerHint')}</p>
      <form className="cp-form" onSubmit={(e) => void submit(e)} noValidate>
        <Field label="fullName" error={errors.fullName}>
          {(id, describedBy) => (
            <input
              id={id}
              aria-describedby={describedBy}
              autoComplete="name"
              value={fields.fullName}
              maxLength={120}
              onChange={(e) => set('fullName')(e.target.value)}
            />
          )}
        </Field>
        <Field label="phone" error={errors.phone}>
          {(id, describedBy) => (
            <input
              id={id}
              aria-describedby={describedBy}
              type="tel"
              inputMode="tel"
              autoComplete="tel"
              value={fields.phone}
              maxLength={40}
              onChange={(e) => set('phone')(e.target.value)}
            />
          )}
        </Field>
        <Field label="birthYear" error={errors.birthYear}>
          {(id, describedBy) => (
            <input
              id={id}
              aria-describedby={describedBy}
              inputMode="numeric"
              value={fields.birthYear}
              maxLength={4}
              onChange={(e) => set('birthYear')(e.target.value.replace(/\D/g, ''))}
            />
          )}
        </Field>
        <UnitPicker
          api={props.api}
          text={unitText}
          picked={unit}
          onText={setUnitText}
          onPick={setUnit}
        />
        <Field label="idNumber" error={errors.idNumber}>
          {(id, describedBy) => (
            <input
              id={id}
              aria-describedby={describedBy}
              inputMode="numeric"
              value={fields.idNumber}
              maxLength={20}
              onChange={(e) => set('idNumber')(e.target.value)}
            />
          )}
        </Field>
        {failure ? (
          <p className="cp-error" role="alert" data-testid="register-error">
            {failure}
          </p>
        ) : null}
        <button type="submit" className="cp-button cp-button-big" disabled={phase !== 'idle'}>
          {phase === 'solving' ? t('solving') : t('submitRegister')}
        </button>
      </form>
    </section>
  );
}

function Field(props: {
  label: MessageKey;
  error: string | undefined;
  children: (id: string, describedBy: string | undefined) => ReactNode;
}) {
  const { t } = useT();
  const id = useId();
  return (
    <div className="cp-field">
      <label htmlFor={id}>{t(props.label)}</label>
      {props.children(id, props.error ? `${id}-error` : undefined)}
      {props.error ? (
        <p id={`${id}-error`} className="cp-error">
          {props.error}
        </p>
      ) : null}
    </div>
  );
}

/** One box: type to find a unit of the contest's tree; no pick keeps the typed text. */
function UnitPicker(props: {
  api: ContestApi;
  text: string;
  picked: UnitHit | null;
  onText: (value: string) => void;
  onPick: (unit: UnitHit | null) => void;
}) {
  const { t } = useT();
  const id = useId();
  const [hits, setHits] = useState<UnitHit[]>([]);
  const { api, text, picked } = props;

  useEffect(() => {
    const q = text.trim();
    if (picked || q.length < 2) {
      setHits([]);
      return;
    }
    let live = true;
    const timer = setTimeout(() => {
      api.units(q).then(
        (items) => live && setHits(items),
        () => live && setHits([]),
      );
    }, 300);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [api, text, picked]);

  if (picked) {
    return (
      <div className="cp-field">
        <span className="cp-label">{t('unit')}</span>
        <p className="cp-picked" data-testid="unit-picked">
          {t('unitPicked', { name: picked.name })}
          {picked.context ? <span className="cp-muted"> · {picked.context}</span> : null}{' '}
          <button type="button" className="cp-link" onClick={() => props.onPick(null)}>
            {t('unitChange')}
          </button>
        </p>
      </div>
    );
  }
  return (
    <div className="cp-field">
      <label htmlFor={id}>{t('unit')}</label>
      <input
        id={id}
        aria-describedby={`${id}-hint`}
        value={text}
        maxLength={200}
        autoComplete="off"
        onChange={(e) => props.onText(e.target.value)}
      />
      <p id={`${id}-hint`} className="cp-muted cp-small">
        {t('unitHint')}
      </p>
      {hits.length > 0 ? (
        <ul className="cp-hits" aria-label={t('unit')}>
          {hits.map((hit) => (
            <li key={hit.id}>
              <button
                type="button"
                onClick={() => {
                  props.onPick(hit);
                  props.onText(hit.name);
                }}
              >
                <span>{hit.name}</span>
                {hit.context ? <span className="cp-muted cp-small">{hit.context}</span> : null}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
