import { createServer } from 'node:http';

// Startet einen kleinen Server, der die aktuelle Uhrzeit als JSON zurückgibt.
const server = createServer((_request, response) => {
  response.setHeader('Content-Type', 'application/json');
  response.end(JSON.stringify({ now: new Date().toISOString() }));
});


server.listen(8080);
