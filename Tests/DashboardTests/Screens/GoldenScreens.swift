// Golden screens, recorded with RCUTOP_RECORD=1 swift test --filter goldenScreen (rewrites this file).
// Kept as Swift so SwiftPM compiles them in (no resource files in the test target).

enum GoldenScreens {
    /// SnapshotFixtures.video(), AppState(), built-in theme, Unicode glyphs, 100x30.
    static let video8cpu100x30 = #"""
 rcutop   t=12.345s  1x  HZ 1000  8 CPUs   LAZY ON   shrinker  1video 2logging 3build 4idle         
┌ CPUs ──────────────────────────────────── 8 CPUs, 1 busy ┐┌ grace period ─────────────── running ┐
│CPU state DONE WAIT NEXT BYPS LAZY RCU/s FLUSH callbacks  ││gp_seq   -1187  GP #4                 │
│  0 idle     4    2    1    0    0     2       ███        ││phase    WAIT_FQS                     │
│  1 idle     2    0    2   42   40     0  8.3s ████       ││         waiting for quiescent states │
│  2 idle     4    2    1  189  185     1  7.6s █████████  ││elapsed  12 ms  owe QS CPU 2 7        │
│  3 idle     4    2    1    0    0     2       ███        ││completed 3  last GPs 22, 40, 19 ms   │
│  4 idle     2    0    2  237  237     2  6.2s ███████████││next lazy flush in 4.1 s (CPU 7)      │
│  5 busy     1   15   12   62   62    16  5.5s █████      │└──────────────────────────────────────┘
│  6 idle     1    1    1    0    0     1       ███        │┌ wake-ups/s ──────── since start 2737 ┐
│  7 idle     4    2    0  236  236     0  4.1s ███████████││RCU 27/s  workload 60/s               │
│bar: █DONE █WAIT █NEXT_READY █NEXT █bypass █lazy          ││GP kthread       4 rcuog             9│
│all         22   24   20  766  760    24  4.1s            ││rcuop           11 lazy timer        1│
└──────────────────────────────────────────────────────────┘│bypass timer     2 RCU tick          0│
┌ events ───────────────────────────────────── newest last ┐│            ⢰    ⢰    ⢸    ⢠    ⢸    ⢠│
│  t=6.100 video playback started: a frame every 16.6 ms   ││            ⢸    ⢸    ⢸    ⢸    ⢸    ⢸│
│  t=8.004 grace period 3 started: 2 CPUs have cbs waiting ││         ⣀⡄⣠⣸⡀ ⢠⢠⣸⢠⡄ ⢀⢸⢠ ⣤⢀⣸  ⣤ ⣼ ⣄⡄ ⢸│
│  t=8.030 grace period 3 ended after 26 ms                ││        ⣾⣿⣷⣿⣿⣷⣾⣿⣿⣿⣾⣷⣷⣾⣾⣾⣾⣿⣾⣿⣿⣿⣿⣶⣿⣾⣿⣷⣿⣿│
│  t=8.031 CPU 1 ran 14 callbacks, freed 3.5 KiB           │└──────────────────────────────────────┘
│  t=9.100 call_rcu_hurry on CPU 4 pulled 37 lazy cbs into │┌ memory, power ─────────── of 4.0 GiB ┐
│          the next grace period                           ││waiting  1.2 MiB (819 KiB lazy)       │
│ t=11.000 lazy flush on CPU 3: 212 callbacks, 10 s timer  ││free     3.6 GiB                      │
│ t=11.001 grace period 4 started: 1 CPU has cbs waiting   ││power    0.00 W deep 0 %              │
│                                                          ││reclaim  0 flush, 0 unneeded          │
│                                                          ││stalls   0 stalls, 0 OOM              │
│                                                          ││kfree_rcu 0 objs, 0 pg, 0 batches     │
│                                                          ││freed    12.3 MiB                     │
│                                                          ││        ⣾⣧⣇⣠⣸⣴⣸⣶⣦⣆⣼⣇⣿⣆⣷⣆⣶⣧⣸⣰⣦⣤⣤⣸⣸⣇⣠⣤⣄⣤│
└──────────────────────────────────────────────────────────┘└──────────────────────────────────────┘
q quit  ? help  space pause  +- speed  1-6 workload  l lazy  p policy  z zoom         theme default 
"""#
}
