import { parseInput } from '../../http/validate';
import { AppError } from '../../lib/errors';
import type { AuditContext } from '../audit';
import { CreateUserInput, roleSchema } from './accounts-schemas';
import type { AccountsService } from './accounts-service';

export interface CliIo {
  readLine(): Promise<string>;
  out(text: string): void;
}

export const CLI_USAGE = `Usage: npm run -s cli -- COMMAND
  user add NAME --role ROLE [--display-name "Full Name"]   password from the first line of stdin
  user role NAME ROLE                                     change a role (reviewer, editor, admin)
  user list
  token create NAME [--label LABEL]                       prints only the new API token
  token revoke TOKEN_ID --user NAME
  migrate                                                 bring the database schema up to date
  backup FILE                                             SQLite only: a consistent copy of the live database (VACUUM INTO)
  stats verify                                            recompute every claim's stored aggregate and report drift (exit 1 if any)
  stats rebuild                                           recompute and store every claim's aggregate`;

function option(args: string[], name: string): string | undefined {
  const index = args.indexOf(name);
  return index >= 0 ? args[index + 1] : undefined;
}

/** Who acts, for the audit log: the operator at the console. */
const OPERATOR: AuditContext = { actorId: null, ip: null, via: 'cli' };

/** Operator commands on the same services as the web (and audited the same way); returns the exit code. */
export async function runAccountsCommand(accounts: AccountsService, args: string[], io: CliIo): Promise<number> {
  const [group, action, name] = args;
  if (group === 'user' && action === 'add' && name) {
    const password = (await io.readLine()).replace(/\r?\n$/, '');
    const input = parseInput(CreateUserInput, { username: name, password, role: option(args, '--role'), displayName: option(args, '--display-name') });
    const user = await accounts.createUser(input, OPERATOR);
    io.out(`created ${user.username} (${user.role})`);
    return 0;
  }
  if (group === 'user' && action === 'role' && name) {
    const role = parseInput(roleSchema, args[3]);
    const user = await accounts.findByUsername(name.toLowerCase());
    await accounts.updateUser(user.id, { role }, OPERATOR);
    io.out(`${user.username} is now ${role}`);
    return 0;
  }
  if (group === 'user' && action === 'list') {
    for (const user of await accounts.listUsers()) io.out(`${user.username}\t${user.role}${user.disabled ? '\tdisabled' : ''}`);
    return 0;
  }
  if (group === 'token' && action === 'create' && name) {
    const user = await accounts.findByUsername(name.toLowerCase());
    const { token } = await accounts.createToken(user.id, option(args, '--label') ?? 'cli', OPERATOR);
    io.out(token);
    return 0;
  }
  if (group === 'token' && action === 'revoke' && name) {
    const user = await accounts.findByUsername(String(option(args, '--user') ?? '').toLowerCase());
    await accounts.revokeToken(user.id, Number(name), OPERATOR);
    io.out(`revoked token ${name}`);
    return 0;
  }
  throw new AppError(400, 'usage', CLI_USAGE);
}
