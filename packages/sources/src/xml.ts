import { XMLParser } from 'fast-xml-parser';
import { BoardFormatError } from './types';

/**
 * A board's XML answer as plain objects (fast-xml-parser): text nodes as strings (numbers are
 * not guessed: ids and postcodes keep their zeros), the elements at the given paths always as arrays so
 * one entry and several look alike, attributes and DOCTYPE entities ignored.
 */
export function parseXml(board: string, text: string, arrays: readonly string[]): unknown {
  // By path (`rss.channel.item`): a name may repeat in one place and not in another.
  const parser = new XMLParser({
    ignoreAttributes: true,
    parseTagValue: false,
    trimValues: true,
    processEntities: true,
    htmlEntities: false,
    isArray: (_name, jpath) => arrays.includes(String(jpath)),
  });
  try {
    return parser.parse(text, true);
  } catch (error) {
    throw new BoardFormatError(board, `not well-formed XML (${(error as Error).message.split('\n')[0]})`);
  }
}
