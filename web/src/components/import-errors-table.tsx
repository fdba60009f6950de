import { Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** One problem of a rejected XLSX import, as the server reports it (row and column when known). */
export type ImportRowError = { row: number | null; column: string | null; message: string };

/** The row-by-row report of an all-or-nothing import that was refused. */
export function ImportErrorsTable({
  errors,
  testId,
  maxHeight,
}: {
  errors: ImportRowError[];
  testId: string;
  maxHeight: number;
}) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={320} maxHeight={maxHeight}>
      <Table
        striped
        stickyHeader
        verticalSpacing="xs"
        data-testid={testId}
        aria-label={t('import.errorsTable')}
      >
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={60}>{t('import.row')}</Table.Th>
            <Table.Th w="30%">{t('import.column')}</Table.Th>
            <Table.Th>{t('import.error')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {errors.map((error, index) => (
            <Table.Tr key={`${error.row}-${error.column ?? ''}-${index}`}>
              <Table.Td>{error.row ?? t('common.none')}</Table.Td>
              <Table.Td>{error.column ?? t('common.none')}</Table.Td>
              <Table.Td>{error.message}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
