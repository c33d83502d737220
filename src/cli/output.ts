/** Results for people go to stdout; notes go to stderr, so stdout can carry data (a token, a backup). */
export const print = (text: string) => void process.stdout.write(`${text}\n`);
export const note = (text: string) => void process.stderr.write(`${text}\n`);
