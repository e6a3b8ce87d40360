import type { Json } from './model';

/** The first interactive element matching, in actions blocks, section accessories and inputs. */
export function findElement(blocks: Json[], match: (el: Json, blockId: string) => boolean): { element: Json; blockId: string } | undefined {
  for (const block of blocks) {
    const blockId = String(block.block_id ?? '');
    const candidates: unknown[] = [...(Array.isArray(block.elements) && block.type === 'actions' ? block.elements : []), block.accessory, block.element];
    for (const el of candidates) {
      if (el && typeof el === 'object' && match(el as Json, blockId)) return { element: el as Json, blockId };
    }
  }
  return undefined;
}
