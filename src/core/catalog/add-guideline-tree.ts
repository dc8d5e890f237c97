import type { GroupSource } from './catalog-source.types';
import type { AddNode } from './catalog-builder.types';

/**
 * Adds a guideline framework's groups and their items (`<framework>:<code>` for both). `pathPrefix`
 * is where the groups sit in their file (`groups`), so that errors point at the right line.
 */
export function addGuidelineGroups(frameworkId: string, groups: readonly GroupSource[], file: string, addNode: AddNode): void {
  groups.forEach((group, groupIndex) => {
    const groupNode = addNode(
      {
        id: `${frameworkId}:${group.code}`,
        frameworkId,
        code: group.code,
        kind: 'group',
        parentId: null,
        title: group.title,
        ...(group.text ? { text: group.text } : {}),
      },
      file,
      `groups[${groupIndex}].code`,
    );
    if (!groupNode) return;
    group.items.forEach((item, itemIndex) => {
      addNode(
        {
          id: `${frameworkId}:${item.code}`,
          frameworkId,
          code: item.code,
          kind: 'item',
          parentId: groupNode.id,
          title: item.title,
          ...(item.text ? { text: item.text } : {}),
          ...(item.status ? { status: item.status } : {}),
          ...(item.condition ? { condition: item.condition } : {}),
          ...(item.unconfirmed ? { unconfirmed: true } : {}),
          ...(item.note ? { note: item.note } : {}),
        },
        file,
        `groups[${groupIndex}].items[${itemIndex}].code`,
      );
    });
  });
}
