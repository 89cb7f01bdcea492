//! Fitting the decision model: L2-regularised logistic regression by
//! Newton's method, and k-fold cross-validation.
//!
//! Each question (is the group used? is this the version?) is one logistic
//! regression over the features in `model::features`. The data are small
//! (hundreds to a few thousand rows, a few dozen features), so the exact
//! Newton step with a dense Hessian converges in a handful of iterations and
//! gives the same weights on every machine. The intercept (feature 0) is not
//! penalised. Folds are assigned by a hash of each case's id, so a case's
//! groups and members stay in one fold and a refit on the same files gives
//! the same folds.

// Index loops read as the matrix algebra they implement.
#![allow(clippy::needless_range_loop)]

use crate::text::hash::fnv1a;

/// One labelled row: a feature vector and whether the answer was yes.
#[derive(Clone, Debug, PartialEq)]
pub struct Sample {
    /// The features (feature 0 is the intercept, always 1).
    pub x: Vec<f64>,
    /// The label.
    pub y: bool,
    /// The fold its case falls in.
    pub fold: usize,
}

/// The fold of a case, from its id.
pub fn fold_of(case_id: &str, folds: usize) -> usize {
    (fnv1a(case_id.as_bytes()) % folds.max(1) as u64) as usize
}

/// The logistic function.
pub fn sigmoid(z: f64) -> f64 {
    1.0 / (1.0 + (-z).exp())
}

/// The model's log-odds for `x`.
pub fn score(w: &[f64], x: &[f64]) -> f64 {
    w.iter().zip(x).map(|(a, b)| a * b).sum()
}

/// Most Newton steps taken.
const MAX_STEPS: usize = 50;
/// Converged when no weight moves more than this.
const TOLERANCE: f64 = 1e-8;

/// Fits L2-regularised logistic regression: minimises the negative
/// log-likelihood plus `lambda`/2 · |w|² (the intercept, index 0, is not
/// penalised). Rows with every feature zero but the intercept still count.
pub fn logistic(samples: &[&Sample], dim: usize, lambda: f64) -> Vec<f64> {
    logistic_masked(samples, dim, lambda, &vec![false; dim])
}

/// [`logistic`] with the weights of `held` features held at zero.
fn logistic_masked(samples: &[&Sample], dim: usize, lambda: f64, held: &[bool]) -> Vec<f64> {
    let mut w = vec![0.0; dim];
    for _ in 0..MAX_STEPS {
        let mut grad = vec![0.0; dim];
        let mut hess = vec![vec![0.0; dim]; dim];
        for s in samples {
            let p = sigmoid(score(&w, &s.x));
            let r = p - f64::from(u8::from(s.y));
            let v = (p * (1.0 - p)).max(1e-9);
            for i in 0..dim {
                if s.x[i] == 0.0 {
                    continue;
                }
                grad[i] += r * s.x[i];
                for j in 0..dim {
                    if s.x[j] != 0.0 {
                        hess[i][j] += v * s.x[i] * s.x[j];
                    }
                }
            }
        }
        for i in 0..dim {
            // A tiny ridge on every weight keeps the Hessian invertible when
            // a feature never occurs; the penalty proper spares the intercept.
            let penalty = if i == 0 { 1e-6 } else { lambda };
            grad[i] += penalty * w[i];
            hess[i][i] += penalty;
        }
        hold(&mut grad, &mut hess, held);
        let Some(step) = solve(hess, grad) else {
            break;
        };
        let objective = |w: &[f64]| {
            log_loss(w, samples) * samples.len() as f64
                + 0.5 * lambda * w.iter().skip(1).map(|x| x * x).sum::<f64>()
        };
        if !damped_step(&mut w, &step, objective) {
            break;
        }
    }
    w
}

/// Keeps held weights where they are (at zero): no gradient, no coupling.
fn hold(grad: &mut [f64], hess: &mut [Vec<f64>], held: &[bool]) {
    for i in 0..grad.len() {
        if held[i] {
            grad[i] = 0.0;
            for j in 0..grad.len() {
                hess[i][j] = 0.0;
                hess[j][i] = 0.0;
            }
            hess[i][i] = 1.0;
        }
    }
}

/// Which way a weight may go (see `model::features::Sign`).
pub use crate::engine::Sign;

/// Fits with each weight kept on the side of zero its sign allows: an
/// active set, in which a weight that would cross is held at zero and the
/// rest refitted, until none crosses.
fn signed(dim: usize, signs: &[Sign], mut fit_with: impl FnMut(&[bool]) -> Vec<f64>) -> Vec<f64> {
    let mut held = vec![false; dim];
    loop {
        let w = fit_with(&held);
        let mut changed = false;
        for i in 0..dim {
            let crosses = match signs.get(i).copied().unwrap_or(Sign::Free) {
                Sign::Positive => w[i] < 0.0,
                Sign::Negative => w[i] > 0.0,
                Sign::Free => false,
            };
            if crosses && !held[i] {
                held[i] = true;
                changed = true;
            }
        }
        if !changed {
            return w;
        }
    }
}

/// [`logistic`] with sign constraints.
pub fn logistic_signed(samples: &[&Sample], dim: usize, lambda: f64, signs: &[Sign]) -> Vec<f64> {
    signed(dim, signs, |held| {
        logistic_masked(samples, dim, lambda, held)
    })
}

/// [`conditional_logit`] with sign constraints.
pub fn conditional_logit_signed(
    choices: &[&Choice],
    dim: usize,
    lambda: f64,
    signs: &[Sign],
) -> Vec<f64> {
    signed(dim, signs, |held| {
        conditional_logit_masked(choices, dim, lambda, held)
    })
}

/// Takes the Newton step, halved until the objective does not grow
/// (separable data would otherwise send the weights off to infinity);
/// whether the weights still moved more than the tolerance.
fn damped_step(w: &mut [f64], step: &[f64], objective: impl Fn(&[f64]) -> f64) -> bool {
    let before = objective(w);
    let mut scale = 1.0;
    for _ in 0..30 {
        let candidate: Vec<f64> = w.iter().zip(step).map(|(a, d)| a - scale * d).collect();
        if objective(&candidate) <= before + 1e-12 {
            let moved = step.iter().map(|d| (scale * d).abs()).fold(0.0, f64::max);
            w.copy_from_slice(&candidate);
            return moved >= TOLERANCE;
        }
        scale /= 2.0;
    }
    false
}

/// Mean negative log-likelihood of `samples` under `w`.
pub fn log_loss(w: &[f64], samples: &[&Sample]) -> f64 {
    if samples.is_empty() {
        return 0.0;
    }
    let total: f64 = samples
        .iter()
        .map(|s| {
            let p = sigmoid(score(w, &s.x)).clamp(1e-12, 1.0 - 1e-12);
            if s.y { -p.ln() } else { -(1.0 - p).ln() }
        })
        .sum();
    total / samples.len() as f64
}

/// The out-of-fold log-loss of each penalty in `grid`, and the best one.
pub fn choose_lambda(
    samples: &[Sample],
    dim: usize,
    folds: usize,
    grid: &[f64],
    signs: &[Sign],
) -> (f64, Vec<(f64, f64)>) {
    cross_validated_penalty(
        samples,
        |s| s.fold,
        folds,
        grid,
        |train, test, lambda| log_loss(&logistic_signed(train, dim, lambda, signs), test),
    )
}

/// For each penalty in `grid`, the mean loss on each fold of a fit on the
/// others (`loss(train, test, lambda)` fits and scores), and the penalty
/// with the least.
fn cross_validated_penalty<T>(
    rows: &[T],
    fold: impl Fn(&T) -> usize,
    folds: usize,
    grid: &[f64],
    loss: impl Fn(&[&T], &[&T], f64) -> f64,
) -> (f64, Vec<(f64, f64)>) {
    let mut table = Vec::new();
    for &lambda in grid {
        let (mut total, mut n) = (0.0, 0usize);
        for k in 0..folds {
            let train: Vec<&T> = rows.iter().filter(|r| fold(r) != k).collect();
            let test: Vec<&T> = rows.iter().filter(|r| fold(r) == k).collect();
            if test.is_empty() || train.is_empty() {
                continue;
            }
            total += loss(&train, &test, lambda) * test.len() as f64;
            n += test.len();
        }
        let mean = if n == 0 {
            f64::INFINITY
        } else {
            total / n as f64
        };
        table.push((lambda, mean));
    }
    let best = table
        .iter()
        .copied()
        .min_by(|a, b| a.1.total_cmp(&b.1))
        .map_or(1.0, |(l, _)| l);
    (best, table)
}

/// One choice among alternatives: the feature vectors of the members of a
/// group, and which one the text used (stage two is a conditional logit:
/// P(member) = softmax over the group of w · x). Where a coder could only
/// say the text used one of several (an ambiguous text), `chosen` holds
/// them all and the likelihood is that of the set.
#[derive(Clone, Debug, PartialEq)]
pub struct Choice {
    /// Each alternative's features.
    pub alternatives: Vec<Vec<f64>>,
    /// The one chosen, or the candidates of which one was.
    pub chosen: Vec<usize>,
    /// The fold its case falls in.
    pub fold: usize,
}

/// The softmax of `w · x` over `alternatives`.
pub fn shares(w: &[f64], alternatives: &[Vec<f64>]) -> Vec<f64> {
    let scores: Vec<f64> = alternatives.iter().map(|x| score(w, x)).collect();
    let top = scores.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let exps: Vec<f64> = scores.iter().map(|s| (s - top).exp()).collect();
    let total: f64 = exps.iter().sum();
    exps.iter().map(|e| e / total).collect()
}

/// Fits an L2-regularised conditional logit (McFadden's choice model) by
/// Newton's method: minimises −Σ log P(chosen) + `lambda`/2 · |w|², where
/// P(chosen) is the total share of the chosen set. A feature equal across a
/// choice's alternatives has no effect on it, so there is no intercept.
/// (For a chosen set the exact Hessian need not be positive; its positive
/// part, the covariance over all alternatives, is used, with the exact
/// gradient and step halving.)
pub fn conditional_logit(choices: &[&Choice], dim: usize, lambda: f64) -> Vec<f64> {
    conditional_logit_masked(choices, dim, lambda, &vec![false; dim])
}

/// [`conditional_logit`] with the weights of `held` features held at zero.
fn conditional_logit_masked(
    choices: &[&Choice],
    dim: usize,
    lambda: f64,
    held: &[bool],
) -> Vec<f64> {
    let mut w = vec![0.0; dim];
    for _ in 0..MAX_STEPS {
        let mut grad = vec![0.0; dim];
        let mut hess = vec![vec![0.0; dim]; dim];
        for c in choices {
            let p = shares(&w, &c.alternatives);
            let mut mean = vec![0.0; dim];
            for (x, &pj) in c.alternatives.iter().zip(&p) {
                for i in 0..dim {
                    mean[i] += pj * x[i];
                }
            }
            // The chosen set's mean, weighted by shares within the set.
            let within: f64 = c.chosen.iter().map(|&k| p[k]).sum::<f64>().max(1e-300);
            let mut chosen_mean = vec![0.0; dim];
            for &k in &c.chosen {
                for i in 0..dim {
                    chosen_mean[i] += p[k] / within * c.alternatives[k][i];
                }
            }
            for i in 0..dim {
                grad[i] += mean[i] - chosen_mean[i];
            }
            for (x, &pj) in c.alternatives.iter().zip(&p) {
                for i in 0..dim {
                    let di = x[i] - mean[i];
                    if di == 0.0 {
                        continue;
                    }
                    for j in 0..dim {
                        hess[i][j] += pj * di * (x[j] - mean[j]);
                    }
                }
            }
        }
        for i in 0..dim {
            grad[i] += lambda * w[i];
            hess[i][i] += lambda.max(1e-6);
        }
        hold(&mut grad, &mut hess, held);
        let Some(step) = solve(hess, grad) else {
            break;
        };
        let objective = |w: &[f64]| {
            choice_log_loss(w, choices) * choices.len() as f64
                + 0.5 * lambda * w.iter().map(|x| x * x).sum::<f64>()
        };
        if !damped_step(&mut w, &step, objective) {
            break;
        }
    }
    w
}

/// Mean negative log-probability of the chosen alternatives under `w`.
pub fn choice_log_loss(w: &[f64], choices: &[&Choice]) -> f64 {
    if choices.is_empty() {
        return 0.0;
    }
    let total: f64 = choices
        .iter()
        .map(|c| {
            let p = shares(w, &c.alternatives);
            -c.chosen.iter().map(|&k| p[k]).sum::<f64>().max(1e-12).ln()
        })
        .sum();
    total / choices.len() as f64
}

/// The out-of-fold log-loss of each penalty in `grid` for the choice
/// model, and the best one.
pub fn choose_choice_lambda(
    choices: &[Choice],
    dim: usize,
    folds: usize,
    grid: &[f64],
    signs: &[Sign],
) -> (f64, Vec<(f64, f64)>) {
    cross_validated_penalty(
        choices,
        |c| c.fold,
        folds,
        grid,
        |train, test, lambda| {
            choice_log_loss(&conditional_logit_signed(train, dim, lambda, signs), test)
        },
    )
}

/// Solves `a · x = b` by Gaussian elimination with partial pivoting.
fn solve(mut a: Vec<Vec<f64>>, mut b: Vec<f64>) -> Option<Vec<f64>> {
    let n = b.len();
    for col in 0..n {
        let pivot = (col..n).max_by(|&i, &j| a[i][col].abs().total_cmp(&a[j][col].abs()))?;
        if a[pivot][col].abs() < 1e-12 {
            return None;
        }
        a.swap(col, pivot);
        b.swap(col, pivot);
        for row in col + 1..n {
            let f = a[row][col] / a[col][col];
            if f == 0.0 {
                continue;
            }
            for k in col..n {
                a[row][k] -= f * a[col][k];
            }
            b[row] -= f * b[col];
        }
    }
    let mut x = vec![0.0; n];
    for i in (0..n).rev() {
        let s: f64 = (i + 1..n).map(|k| a[i][k] * x[k]).sum();
        x[i] = (b[i] - s) / a[i][i];
    }
    Some(x)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample(x1: f64, y: bool) -> Sample {
        Sample {
            x: vec![1.0, x1],
            y,
            fold: 0,
        }
    }

    #[test]
    fn recovers_a_known_rate() {
        // Feature present: 3 of 4 yes; absent: 1 of 4 yes.
        let data = [
            sample(1.0, true),
            sample(1.0, true),
            sample(1.0, true),
            sample(1.0, false),
            sample(0.0, true),
            sample(0.0, false),
            sample(0.0, false),
            sample(0.0, false),
        ];
        let refs: Vec<&Sample> = data.iter().collect();
        let w = logistic(&refs, 2, 1e-9);
        assert!((sigmoid(w[0]) - 0.25).abs() < 1e-6, "{w:?}");
        assert!((sigmoid(w[0] + w[1]) - 0.75).abs() < 1e-6, "{w:?}");
    }

    #[test]
    fn the_penalty_shrinks_weights_but_not_the_intercept() {
        let data = [sample(1.0, true), sample(0.0, false), sample(0.0, false)];
        let refs: Vec<&Sample> = data.iter().collect();
        let loose = logistic(&refs, 2, 0.01);
        let tight = logistic(&refs, 2, 10.0);
        assert!(tight[1].abs() < loose[1].abs());
        assert!(tight[0] < 0.0);
    }

    #[test]
    fn a_choice_model_learns_which_feature_picks_the_winner() {
        // The alternative with feature 1 set is chosen 3 times in 4.
        let choice = |chosen| Choice {
            alternatives: vec![vec![1.0, 1.0], vec![1.0, 0.0]],
            chosen: vec![chosen],
            fold: 0,
        };
        let data = [choice(0), choice(0), choice(0), choice(1)];
        let refs: Vec<&Choice> = data.iter().collect();
        let w = conditional_logit(&refs, 2, 1e-9);
        let p = shares(&w, &data[0].alternatives);
        assert!((p[0] - 0.75).abs() < 1e-6, "{p:?}");
    }

    #[test]
    fn a_signed_weight_is_held_at_zero_rather_than_crossing() {
        // Feature 1 goes with "no": unconstrained its weight is negative.
        let data = [
            sample(1.0, false),
            sample(1.0, false),
            sample(0.0, true),
            sample(0.0, false),
        ];
        let refs: Vec<&Sample> = data.iter().collect();
        assert!(logistic(&refs, 2, 0.1)[1] < 0.0);
        let w = logistic_signed(&refs, 2, 0.1, &[Sign::Free, Sign::Positive]);
        assert_eq!(w[1], 0.0);
        assert!((sigmoid(w[0]) - 0.25).abs() < 1e-3, "{w:?}");
    }

    #[test]
    fn folds_are_stable_and_spread() {
        assert_eq!(fold_of("q01", 5), fold_of("q01", 5));
        let counts = (0..500).fold([0usize; 5], |mut c, i| {
            c[fold_of(&format!("case-{i}"), 5)] += 1;
            c
        });
        assert!(counts.iter().all(|&c| c > 60), "{counts:?}");
    }
}
