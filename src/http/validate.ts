/** The HTTP layer parses with the same function the services use. */
export { parseInput } from '../lib/parse';
