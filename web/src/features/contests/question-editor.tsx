import {
  ActionIcon,
  Alert,
  Button,
  Checkbox,
  Group,
  Modal,
  SegmentedControl,
  Select,
  Stack,
  TagsInput,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconInfoCircle, IconPlus, IconTrash } from '@tabler/icons-react';
import type { FormEvent } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../components/form-error.tsx';
import { useSaveQuestion } from './contests.api.ts';
import type { QuestionView } from './contests.types.ts';

const LETTERS = ['A', 'B', 'C', 'D', 'E', 'F'];
const MAX_OPTIONS = 6;

type Props = {
  unitId: string;
  /** null: a new question. */
  question: QuestionView | null;
  categories: { value: string; label: string }[];
  defaultCategoryId: string | null;
  onClose: () => void;
  onSaved: (saved: QuestionView, newVersion: boolean) => void;
};

/**
 * Adds or edits a question. A question already drawn into a contest is locked: saving makes a new
 * version (the server decides; the note tells the organiser why the version number moves).
 */
export function QuestionEditor({
  unitId,
  question,
  categories,
  defaultCategoryId,
  onClose,
  onSaved,
}: Props) {
  const { t } = useTranslation();
  const wide = useMediaQuery('(min-width: 48em)', true, { getInitialValueInEffect: false });
  const save = useSaveQuestion();
  const [categoryId, setCategoryId] = useState<string | null>(
    question?.categoryId ?? defaultCategoryId ?? categories[0]?.value ?? null,
  );
  const [kind, setKind] = useState<'single' | 'multiple'>(question?.kind ?? 'single');
  const [text, setText] = useState(question?.text ?? '');
  const [options, setOptions] = useState(
    question?.options.map((o) => ({ text: o.text, correct: o.correct })) ?? [
      { text: '', correct: true },
      { text: '', correct: false },
    ],
  );
  const [explanation, setExplanation] = useState(question?.explanation ?? '');
  const [difficulty, setDifficulty] = useState(String(question?.difficulty ?? 2));
  const [tags, setTags] = useState<string[]>(question?.tags ?? []);
  const [keepOrder, setKeepOrder] = useState(question?.keepOptionOrder ?? false);
  const [checked, setChecked] = useState(false);

  const correctCount = options.filter((o) => o.correct).length;
  const keyError =
    kind === 'single' && correctCount !== 1
      ? t('contests.editor.needOneCorrect')
      : correctCount < 1
        ? t('contests.editor.needSomeCorrect')
        : null;
  const setOption = (index: number, patch: Partial<{ text: string; correct: boolean }>) =>
    setOptions((prev) =>
      prev.map((o, i) => {
        if (i === index) return { ...o, ...patch };
        // Single choice: ticking one option unticks the others.
        if (patch.correct && kind === 'single') return { ...o, correct: false };
        return o;
      }),
    );

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    if (!categoryId || !text.trim() || options.some((o) => !o.text.trim()) || keyError) return;
    save.mutate(
      {
        id: question?.id ?? null,
        unitId,
        body: {
          categoryId,
          kind,
          text,
          options,
          explanation: explanation.trim() || null,
          difficulty: Number(difficulty),
          tags,
          keepOptionOrder: keepOrder,
        },
      },
      {
        onSuccess: ({ question: saved }) =>
          onSaved(saved, question !== null && saved.version !== question.version),
      },
    );
  };

  return (
    <Modal
      opened
      onClose={onClose}
      title={question ? t('contests.editor.edit') : t('contests.editor.create')}
      size="lg"
      fullScreen={!wide}
    >
      <form onSubmit={onSubmit} noValidate data-testid="question-editor">
        <Stack gap="sm">
          {question?.locked && (
            <Alert
              color="yellow"
              variant="light"
              icon={<IconInfoCircle aria-hidden />}
              data-testid="locked-note"
            >
              {t('contests.editor.lockedNote')}
            </Alert>
          )}
          <FormError error={save.error} />
          <Select
            label={t('contests.editor.category')}
            data={categories}
            value={categoryId}
            onChange={setCategoryId}
            searchable
            required
            allowDeselect={false}
            error={checked && !categoryId ? t('form.requiredChoice') : undefined}
          />
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              {t('contests.editor.kind')}
            </Text>
            <SegmentedControl
              value={kind}
              onChange={(v) => setKind(v)}
              data={[
                { value: 'single', label: t('contests.kind.single') },
                { value: 'multiple', label: t('contests.kind.multiple') },
              ]}
              fullWidth
            />
          </Stack>
          <Textarea
            label={t('contests.editor.text')}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            autosize
            minRows={2}
            maxLength={2000}
            required
            error={checked && !text.trim() ? t('form.required') : undefined}
            data-testid="question-text"
          />
          <Stack gap={6}>
            <Text size="sm" fw={500}>
              {t('contests.editor.options')}
            </Text>
            {options.map((option, i) => (
              <Group key={i} gap="xs" wrap="nowrap" align="flex-start">
                <Checkbox
                  mt={8}
                  checked={option.correct}
                  onChange={(e) => setOption(i, { correct: e.currentTarget.checked })}
                  aria-label={`${t('contests.editor.correct')} ${LETTERS[i]}`}
                />
                <TextInput
                  style={{ flex: 1 }}
                  aria-label={t('contests.editor.option', { letter: LETTERS[i] })}
                  placeholder={t('contests.editor.option', { letter: LETTERS[i] })}
                  value={option.text}
                  onChange={(e) => setOption(i, { text: e.currentTarget.value })}
                  maxLength={500}
                  error={checked && !option.text.trim() ? t('form.required') : undefined}
                />
                <ActionIcon
                  mt={4}
                  variant="subtle"
                  color="red"
                  disabled={options.length <= 2}
                  onClick={() => setOptions((prev) => prev.filter((_, j) => j !== i))}
                  aria-label={t('contests.editor.removeOption', { letter: LETTERS[i] })}
                >
                  <IconTrash size={16} aria-hidden />
                </ActionIcon>
              </Group>
            ))}
            {checked && keyError && (
              <Text size="sm" c="red" role="alert">
                {keyError}
              </Text>
            )}
            {options.length < MAX_OPTIONS && (
              <Group>
                <Button
                  size="xs"
                  variant="light"
                  leftSection={<IconPlus size={14} aria-hidden />}
                  onClick={() => setOptions((prev) => [...prev, { text: '', correct: false }])}
                >
                  {t('contests.editor.addOption')}
                </Button>
              </Group>
            )}
          </Stack>
          <Textarea
            label={t('contests.editor.explanation')}
            value={explanation}
            onChange={(e) => setExplanation(e.currentTarget.value)}
            autosize
            minRows={2}
            maxLength={4000}
          />
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              {t('contests.editor.difficulty')}
            </Text>
            <SegmentedControl
              value={difficulty}
              onChange={setDifficulty}
              data={['1', '2', '3', '4', '5']}
              fullWidth
            />
          </Stack>
          <TagsInput
            label={t('contests.editor.tags')}
            description={t('contests.editor.tagsHint')}
            value={tags}
            onChange={setTags}
            maxTags={20}
          />
          <Checkbox
            label={t('contests.editor.keepOrder')}
            checked={keepOrder}
            onChange={(e) => setKeepOrder(e.currentTarget.checked)}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending} data-testid="save-question">
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
