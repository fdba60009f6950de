import {
  Alert,
  Button,
  Checkbox,
  EmptyState,
  Grid,
  Group,
  Paper,
  Select,
  Skeleton,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import {
  IconDownload,
  IconFileSpreadsheet,
  IconPlus,
  IconQuestionMark,
  IconSearch,
} from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../../common/format.ts';
import { foldForSearch } from '../../../../common/text.ts';
import { ErrorState } from '../../components/error-state.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { UnitSwitcher } from '../planning/unit-switcher.tsx';
import { atLeast, useRoleOn, useUnitParam } from '../planning/use-unit-param.ts';
import { CategoryTree } from './category-tree.tsx';
import {
  questionExportUrl,
  useArchiveQuestion,
  useCategories,
  useQuestions,
} from './contests.api.ts';
import type { QuestionView } from './contests.types.ts';
import { categoryPaths, subtree } from './category-paths.ts';
import { QuestionCard } from './question-card.tsx';
import { QuestionEditor } from './question-editor.tsx';
import { QuestionImport } from './question-import.tsx';

/** /ngan-hang-cau-hoi?donVi= — categories, questions (search, filter, edit), import and export. */
export default function QuestionBankPage() {
  const { t } = useTranslation();
  const { unitId } = useUnitParam();
  const canEdit = atLeast(useRoleOn(unitId), 'editor');
  const categories = useCategories(unitId);
  const questions = useQuestions(unitId);
  const archive = useArchiveQuestion();
  const [categoryId, setCategoryId] = useState<string | null>(null);
  const [search, setSearch] = useState('');
  const [kind, setKind] = useState<string | null>(null);
  const [showArchived, setShowArchived] = useState(false);
  const [editing, setEditing] = useState<QuestionView | 'new' | null>(null);
  const [importing, setImporting] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);

  const paths = useMemo(() => categoryPaths(categories.data ?? []), [categories.data]);
  const shown = useMemo(() => {
    const inCategory = categoryId ? subtree(categories.data ?? [], categoryId) : null;
    const needle = foldForSearch(search);
    return (questions.data ?? []).filter(
      (q) =>
        (showArchived || !q.archived) &&
        (!kind || q.kind === kind) &&
        (!inCategory || inCategory.has(q.categoryId)) &&
        (!needle ||
          foldForSearch([q.text, ...q.options.map((o) => o.text), ...q.tags].join(' ')).includes(
            needle,
          )),
    );
  }, [questions.data, categories.data, categoryId, search, kind, showArchived]);
  const categoryOptions = [...paths]
    .map(([value, label]) => ({ value, label }))
    .sort((a, b) => a.label.localeCompare(b.label, 'vi'));

  return (
    <>
      <PageHeader
        title={t('contests.bank.title')}
        subtitle={t('contests.bank.subtitle')}
        actions={
          unitId && (
            <Group gap="xs">
              {canEdit && (
                <Button
                  variant="default"
                  leftSection={<IconFileSpreadsheet size={16} aria-hidden />}
                  onClick={() => setImporting(true)}
                  data-testid="open-question-import"
                >
                  {t('contests.bank.import')}
                </Button>
              )}
              <Button
                component="a"
                href={questionExportUrl(unitId)}
                download
                variant="default"
                leftSection={<IconDownload size={16} aria-hidden />}
              >
                {t('contests.bank.export')}
              </Button>
              {canEdit && (categories.data?.length ?? 0) > 0 && (
                <Button
                  leftSection={<IconPlus size={16} aria-hidden />}
                  onClick={() => setEditing('new')}
                  data-testid="add-question"
                >
                  {t('contests.bank.addQuestion')}
                </Button>
              )}
            </Group>
          )
        }
      />
      <Stack gap="md">
        <UnitSwitcher />
        {notice && (
          <Alert
            color="xanh"
            variant="light"
            withCloseButton
            onClose={() => setNotice(null)}
            role="status"
          >
            {notice}
          </Alert>
        )}
        {categories.isError || questions.isError ? (
          <ErrorState
            error={categories.error ?? questions.error}
            onRetry={() => {
              void categories.refetch();
              void questions.refetch();
            }}
          />
        ) : !unitId ? null : categories.isPending || questions.isPending ? (
          <Skeleton height={240} role="status" aria-label={t('app.loading')} />
        ) : (
          <Grid gap="md">
            <Grid.Col span={{ base: 12, md: 4 }}>
              <Paper withBorder p="xs">
                <Text size="xs" fw={600} c="dimmed" tt="uppercase" px="sm" mb={4}>
                  {t('contests.bank.categories')}
                </Text>
                <CategoryTree
                  unitId={unitId}
                  categories={categories.data}
                  selected={categoryId}
                  onSelect={setCategoryId}
                  canEdit={canEdit}
                />
              </Paper>
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 8 }}>
              <Stack gap="sm">
                <Group gap="xs" align="flex-end" wrap="wrap">
                  <TextInput
                    label={t('contests.bank.search')}
                    leftSection={<IconSearch size={16} aria-hidden />}
                    value={search}
                    onChange={(e) => setSearch(e.currentTarget.value)}
                    style={{ flex: '1 1 12rem' }}
                    data-testid="question-search"
                  />
                  <Select
                    label={t('contests.bank.kindFilter')}
                    data={[
                      { value: 'single', label: t('contests.kind.single') },
                      { value: 'multiple', label: t('contests.kind.multiple') },
                    ]}
                    value={kind}
                    onChange={setKind}
                    clearable
                    w={170}
                  />
                </Group>
                <Group justify="space-between" wrap="wrap">
                  <Text size="sm" c="dimmed" data-testid="question-count">
                    {t('contests.bank.count', { n: formatNumber(shown.length) })}
                  </Text>
                  <Checkbox
                    label={t('contests.bank.showArchived')}
                    checked={showArchived}
                    onChange={(e) => setShowArchived(e.currentTarget.checked)}
                  />
                </Group>
                {shown.length === 0 ? (
                  <Paper withBorder py="xl">
                    <EmptyState
                      icon={<IconQuestionMark aria-hidden />}
                      title={t('contests.bank.empty')}
                    />
                  </Paper>
                ) : (
                  shown.map((q) => (
                    <QuestionCard
                      key={q.id}
                      question={q}
                      path={paths.get(q.categoryId) ?? ''}
                      canEdit={canEdit}
                      onEdit={() => setEditing(q)}
                      onArchive={() => archive.mutate(q.id)}
                    />
                  ))
                )}
              </Stack>
            </Grid.Col>
          </Grid>
        )}
      </Stack>
      {unitId && editing && (
        <QuestionEditor
          unitId={unitId}
          question={editing === 'new' ? null : editing}
          categories={categoryOptions}
          defaultCategoryId={categoryId}
          onClose={() => setEditing(null)}
          onSaved={(saved, newVersion) => {
            setEditing(null);
            setNotice(
              newVersion
                ? t('contests.editor.savedNewVersion', { n: saved.version })
                : t('contests.editor.saved'),
            );
          }}
        />
      )}
      {unitId && importing && (
        <QuestionImport unitId={unitId} onClose={() => setImporting(false)} />
      )}
    </>
  );
}
