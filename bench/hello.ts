/** The cold-start bench's yardstick: the smallest HTTP function functions-framework can serve. */
import { http } from "@google-cloud/functions-framework";

http("hello", (_req, res) => {
  res.send("Hello, world");
});
