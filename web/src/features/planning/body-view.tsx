import { List, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import type { PlanBlock } from './planning.types.ts';

function Runs({ block }: { block: PlanBlock }) {
  return (
    <>
      {block.runs.map((run, i) => {
        let node: ReactNode = run.text;
        if (run.bold) node = <strong>{node}</strong>;
        if (run.italic) node = <em>{node}</em>;
        return <span key={i}>{node}</span>;
      })}
    </>
  );
}

/** A section of formatted text (headings, paragraphs, bullets with bold and italic runs). */
export function BodyView({ blocks, empty }: { blocks: PlanBlock[]; empty: string }) {
  if (blocks.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {empty}
      </Text>
    );
  }
  // Consecutive bullets form one list.
  const groups: (PlanBlock | PlanBlock[])[] = [];
  for (const block of blocks) {
    const last = groups[groups.length - 1];
    if (block.type === 'bullet' && Array.isArray(last)) last.push(block);
    else groups.push(block.type === 'bullet' ? [block] : block);
  }
  return (
    <Stack gap="xs" className="px-wrap">
      {groups.map((group, i) =>
        Array.isArray(group) ? (
          <List key={i} size="sm" spacing={4}>
            {group.map((b, j) => (
              <List.Item key={j}>
                <Runs block={b} />
              </List.Item>
            ))}
          </List>
        ) : group.type === 'heading' ? (
          <Title key={i} order={4} fz="md">
            <Runs block={group} />
          </Title>
        ) : (
          <Text key={i} size="sm" style={{ textAlign: 'justify' }}>
            <Runs block={group} />
          </Text>
        ),
      )}
    </Stack>
  );
}
