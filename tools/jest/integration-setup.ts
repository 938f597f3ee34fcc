// Placeholder replaced below once the stack tooling lands.
export default async function setup(): Promise<void> {}
