// The local scorer reads with hundreds of patterns, most of them once per job or per prompt. V8
// compiles a pattern to machine code at its second run; compiled only when it runs often (per
// pair), the rest stay in the bytecode interpreter: scoring 24,000 dev pairs, code space 12.0 ->
// 10.1 MB at the same speed (docs/ai-scoring.md, "Memory and speed"). Imported first by main.ts,
// before any module builds a pattern.
import { setFlagsFromString } from 'node:v8';

setFlagsFromString('--regexp-tier-up-ticks=1000');
