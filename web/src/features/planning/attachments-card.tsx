import {
  ActionIcon,
  Anchor,
  Card,
  FileButton,
  Group,
  Progress,
  Stack,
  Text,
  Title,
  Button,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPaperclip, IconTrash, IconUpload } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, formatNumber } from '../../../../common/format.ts';
import { useErrorMessage } from '../../components/use-error-message.ts';
import {
  attachmentUrl,
  useAttachments,
  useDeleteAttachment,
  useUploadAttachment,
} from './planning.api.ts';

/** The signed PDF or DOCX of the plan: listed for every reader, uploaded by its editors. */
export function AttachmentsCard({ planId, canUpload }: { planId: string; canUpload: boolean }) {
  const { t } = useTranslation();
  const list = useAttachments(planId);
  const upload = useUploadAttachment(planId);
  const remove = useDeleteAttachment(planId);
  const message = useErrorMessage();
  const [percent, setPercent] = useState<number | null>(null);

  const onFile = (file: File | null) => {
    if (!file) return;
    setPercent(0);
    upload.mutate(
      { file, onProgress: setPercent },
      {
        onSuccess: () =>
          notifications.show({
            color: 'green',
            message: t('planning.attachments.uploaded', { name: file.name }),
          }),
        onError: (e) => notifications.show({ color: 'red', message: message(e) }),
        onSettled: () => setPercent(null),
      },
    );
  };

  const items = list.data?.items ?? [];
  return (
    <Card withBorder radius="md" padding="md">
      <Group justify="space-between" mb="sm" wrap="wrap">
        <Title order={2} fz="h4">
          {t('planning.attachments.title')}
        </Title>
        {canUpload && (
          <FileButton
            onChange={onFile}
            accept="application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document,.pdf,.docx"
          >
            {(props) => (
              <Button
                {...props}
                size="xs"
                variant="light"
                leftSection={<IconUpload size={14} aria-hidden />}
                loading={upload.isPending}
                data-testid="upload-attachment"
              >
                {t('planning.attachments.upload')}
              </Button>
            )}
          </FileButton>
        )}
      </Group>
      {percent !== null && (
        <Stack gap={4} mb="sm">
          <Text size="xs">{t('planning.attachments.uploading', { percent })}</Text>
          <Progress value={percent} size="sm" />
        </Stack>
      )}
      {items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('planning.attachments.empty')}
        </Text>
      ) : (
        <Stack gap={6}>
          {items.map((a) => (
            <Group
              key={a.id}
              justify="space-between"
              wrap="nowrap"
              gap="xs"
              data-testid="attachment-row"
            >
              <Group gap={6} wrap="nowrap" style={{ minWidth: 0 }}>
                <IconPaperclip size={16} aria-hidden />
                <Stack gap={0} style={{ minWidth: 0 }}>
                  <Anchor
                    href={attachmentUrl(a.id)}
                    download={a.fileName}
                    size="sm"
                    className="px-wrap"
                  >
                    {a.fileName}
                  </Anchor>
                  <Text size="xs" c="dimmed">
                    {t('planning.attachments.size', {
                      size: formatNumber(Math.max(0.1, a.sizeBytes / 1024)),
                    })}{' '}
                    · {formatDate(a.uploadedAt)}
                  </Text>
                </Stack>
              </Group>
              {a.abilities.delete && (
                <ActionIcon
                  variant="subtle"
                  color="red"
                  aria-label={t('planning.attachments.delete')}
                  onClick={() =>
                    remove.mutate(a.id, {
                      onSuccess: () =>
                        notifications.show({ message: t('planning.attachments.deleted') }),
                      onError: (e) => notifications.show({ color: 'red', message: message(e) }),
                    })
                  }
                >
                  <IconTrash size={18} aria-hidden />
                </ActionIcon>
              )}
            </Group>
          ))}
        </Stack>
      )}
    </Card>
  );
}
