import { describe, expect, it } from 'vitest';
import { findPlaceholders } from './placeholders.js';

const found = (text: string) => findPlaceholders(text).map((match) => match.text);

describe('findPlaceholders', () => {
  it('finds brackets, braces, angle markers, filler text and author notes', () => {
    expect(
      found('Meet [PRODUCT NAME] {{cta}} <insert link here> Lorem ipsum dolor. TODO: add price. XXX'),
    ).toEqual(['[PRODUCT NAME]', '{{cta}}', '<insert link here>', 'Lorem ipsum', 'TODO', 'XXX']);
    expect(found('Hi {first_name}, visit [your city] store, see [Link] and $\u007Bname}')).toEqual([
      '{first_name}',
      '[your city]',
      '[Link]',
      '$\u007Bname}',
    ]);
  });

  it('leaves ordinary brackets, thread numbers, emoticons and the Spanish "todo" alone', () => {
    expect(found('Our rye (1/3) is back [sic] — todo el pan <3 :) 10% off [2026 edition]')).toEqual([]);
    expect(found('Todo listo para el sábado')).toEqual([]);
    expect(found('Fresh bread, baked daily.')).toEqual([]);
  });
});
