// Starts the Telegram Bot API emulator on 127.0.0.1:<port> for the end-to-end tests; prints "ready <port>" when listening.
const TelegramServer = require('telegram-test-api');

const port = Number(process.argv[2] || 9001);
const server = new TelegramServer({ port, host: '127.0.0.1', storeTimeout: 600 });
server.start().then(() => console.log(`ready ${port}`));
process.stdin.on('end', () => server.stop().then(() => process.exit(0)));
process.stdin.resume();
