/**
 * zod as every schema here uses it: import * as z from this module, never from "zod" itself,
 * so the configuration below is in place before any schema is built.
 *
 * jitless: zod otherwise generates (new Function) a parser for each object schema the first
 * time it parses, about 7 ms on a cold function's first edit, spent on schemas that parse a
 * handful of values. The row schemas of big tabs are compiled on purpose instead (rows.ts).
 */
import { config } from "zod";

config({ jitless: true });

export * from "zod";
