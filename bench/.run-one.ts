const mod = await import(process.argv[2]!);
const quick = process.argv[3] === 'quick';
console.log(JSON.stringify(await mod.run({ quick }), null, 1));
