import { CliError, usageError } from './errors.js';

/**
 * Asks each question in turn and reads one line per answer without echoing it, for a person at
 * a terminal. Typed-ahead or pasted lines are kept for the next question.
 */
function promptHidden(questions: string[]): Promise<string[]> {
  const stdin = process.stdin;
  const answers: string[] = [];
  let current: string[] = [];
  let lastWasCr = false;
  stdin.setRawMode(true);
  stdin.setEncoding('utf8');
  process.stderr.write(questions[0]!);
  return new Promise((resolve, reject) => {
    const done = () => {
      stdin.off('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
    };
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === '\n' && lastWasCr) {
          lastWasCr = false;
          continue;
        }
        lastWasCr = ch === '\r';
        if (ch === '\u0003') {
          done();
          process.stderr.write('\n');
          reject(new CliError('avbrutet', 130));
          return;
        }
        if (ch === '\r' || ch === '\n' || ch === '\u0004') {
          answers.push(current.join(''));
          current = [];
          process.stderr.write('\n');
          if (answers.length === questions.length) {
            done();
            resolve(answers);
            return;
          }
          process.stderr.write(questions[answers.length]!);
        } else if (ch === '\u007f' || ch === '\b') {
          current = current.slice(0, -1);
        } else {
          current.push(ch);
        }
      }
    };
    stdin.on('data', onData);
    stdin.resume();
  });
}

async function firstLineOfStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? '';
}

/**
 * The password from --password, else NAVET_PASSWORD, else standard input: asked for twice
 * without echo at a terminal, otherwise its first line (`echo … | navet …`).
 */
export async function readPassword(option: string | undefined): Promise<string> {
  if (option !== undefined) return option;
  const env = process.env.NAVET_PASSWORD;
  if (env) return env;
  let password: string;
  if (process.stdin.isTTY) {
    const [first = '', again] = await promptHidden(['Lösenord: ', 'Upprepa lösenordet: ']);
    if (again !== first) throw new CliError('lösenorden är inte lika');
    password = first;
  } else {
    password = await firstLineOfStdin();
  }
  if (!password) throw usageError('inget lösenord: ange --password, sätt NAVET_PASSWORD eller skicka lösenordet på standard in');
  return password;
}
