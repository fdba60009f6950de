import type { ButtonProps } from '@mantine/core';
import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

type Props = ButtonProps & {
  children: ReactNode;
  /** The question asked before acting. */
  question: string;
  onConfirm: () => void;
  loading?: boolean;
  'data-testid'?: string;
};

/** A button that asks first (issue, close, delete). */
export function ConfirmButton({ children, question, onConfirm, loading, ...rest }: Props) {
  const { t } = useTranslation();
  const [opened, { open, close }] = useDisclosure(false);
  return (
    <>
      <Button {...rest} onClick={open} loading={loading}>
        {children}
      </Button>
      <Modal opened={opened} onClose={close} title={children} centered>
        <Stack gap="md">
          <Text size="sm">{question}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button
              color={rest.color}
              data-testid="confirm"
              onClick={() => {
                close();
                onConfirm();
              }}
            >
              {children}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
