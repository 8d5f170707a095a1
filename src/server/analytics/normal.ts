import type { Rng } from './rng.js';

// Standard normal draws by the ziggurat method (Marsaglia & Tsang, "The Ziggurat Method for Generating
// Random Variables", J. Stat. Software 5(8), 2000), 128 layers. About 98.8% of draws cost one 32-bit
// output, a table compare and a multiply; the rest fall to the exact wedge and tail tests below. This is
// the kernel's hot path: every lognormal and every gamma (hence every beta) starts from it.
//
// The layer index comes from the low 7 bits of the same output whose value is used. The value's low bits
// move it by less than 2^-24 of its size, so the dependence is far below what 10^6 trials can detect
// (the tests check moments and tail mass).

const LAYERS = 128;
const M1 = 2_147_483_648; // 2^31
/** The right edge of the base strip, and its area (per layer). */
const R = 3.442619855899;
const V = 9.91256303526217e-3;

const kn = new Int32Array(LAYERS);
const wn = new Float64Array(LAYERS);
const fn = new Float64Array(LAYERS);

(function buildTables() {
  let dn = R;
  let tn = dn;
  const q = V / Math.exp(-0.5 * dn * dn);
  kn[0] = Math.floor((dn / q) * M1);
  kn[1] = 0;
  wn[0] = q / M1;
  wn[LAYERS - 1] = dn / M1;
  fn[0] = 1;
  fn[LAYERS - 1] = Math.exp(-0.5 * dn * dn);
  for (let i = LAYERS - 2; i >= 1; i--) {
    dn = Math.sqrt(-2 * Math.log(V / dn + Math.exp(-0.5 * dn * dn)));
    kn[i + 1] = Math.floor((dn / tn) * M1);
    tn = dn;
    fn[i] = Math.exp(-0.5 * dn * dn);
    wn[i] = dn / M1;
  }
})();

/**
 * One standard normal draw, N(0, 1).
 *
 * @example
 * const z = normal(new Rng(7));
 */
export function normal(rng: Rng): number {
  const hz = rng.int32();
  const iz = hz & (LAYERS - 1);
  // |hz| as a double: Math.abs of -2^31 stays exact, unlike the int32 negation.
  if (Math.abs(hz) < (kn[iz] as number)) return hz * (wn[iz] as number);
  return normalSlow(rng, hz, iz);
}

/** The rare path: the tail beyond R, or the wedge between a layer's rectangle and the curve. */
function normalSlow(rng: Rng, firstHz: number, firstIz: number): number {
  let hz = firstHz;
  let iz = firstIz;
  for (;;) {
    const x = hz * (wn[iz] as number);
    if (iz === 0) {
      // Marsaglia's tail method: exact for the normal tail beyond R.
      let tx: number;
      let ty: number;
      do {
        tx = -Math.log(rng.uniform()) / R;
        ty = -Math.log(rng.uniform());
      } while (ty + ty < tx * tx);
      return hz > 0 ? R + tx : -R - tx;
    }
    const upper = fn[iz - 1] as number;
    const lower = fn[iz] as number;
    if (lower + rng.uniform() * (upper - lower) < Math.exp(-0.5 * x * x)) return x;
    hz = rng.int32();
    iz = hz & (LAYERS - 1);
    if (Math.abs(hz) < (kn[iz] as number)) return hz * (wn[iz] as number);
  }
}
