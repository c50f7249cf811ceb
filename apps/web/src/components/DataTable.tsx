import { ScrollArea, Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';

export interface Column<T> {
  header: string;
  cell(row: T): ReactNode;
}

/** A plain table of rows, scrolling sideways on a narrow screen. */
export function DataTable<T>({
  rows,
  columns,
  label,
  rowKey,
  empty = 'None yet.',
  testId,
}: {
  rows: T[];
  columns: Column<T>[];
  label: string;
  rowKey(row: T): string;
  empty?: string;
  testId?: string;
}) {
  if (rows.length === 0) return <Text>{empty}</Text>;
  return (
    <ScrollArea type="auto">
      <Table striped highlightOnHover aria-label={label} data-testid={testId} miw={560}>
        <Table.Thead>
          <Table.Tr>
            {columns.map((column) => (
              <Table.Th scope="col" key={column.header}>
                {column.header}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={rowKey(row)}>
              {columns.map((column) => (
                <Table.Td key={column.header}>{column.cell(row)}</Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollArea>
  );
}
