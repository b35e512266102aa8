import { describe, expect, it } from 'vitest';
import { sameContent } from '../../src/bot/storage/optimistic-conversation-state';

describe('sameContent: is a state unchanged since it was read?', () => {
  it.each([
    ['identical text', '{"a":1,"b":[1,2]}', '{"a":1,"b":[1,2]}', true],
    ['keys reordered at the top', '{"a":1,"b":2}', '{"b":2,"a":1}', true],
    ['keys reordered deep inside', '{"m":{"x":"1","y":[{"p":1,"q":2}]}}', '{"m":{"y":[{"q":2,"p":1}],"x":"1"}}', true],
    ['a value changed, same length', '{"a":1,"b":2}', '{"a":1,"b":3}', false],
    ['array order is content', '{"a":[1,2]}', '{"a":[2,1]}', false],
    ['a key added', '{"a":1}', '{"a":1,"b":2}', false],
    ['a key renamed, same length', '{"ab":1}', '{"ba":1}', false],
  ])('%s', (_name, a, b, same) => {
    expect(sameContent(a, b)).toBe(same);
    expect(sameContent(b, a)).toBe(same);
  });
});
