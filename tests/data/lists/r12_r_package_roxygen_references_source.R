# R/changepoints.R — part of the 'segmentr' package
# Copyright (C) 2021-2024 Hanna Lindqvist, Tomás Ferreira
# License: GPL (>= 3)

#' segmentr: Fast Offline Change-Point Detection
#'
#' Exact and approximate search methods (PELT, binary segmentation, wild
#' binary segmentation, CBS) and non-parametric divisive estimation for
#' univariate and multivariate series.
#'
#' @references
#' Truong, C., Oudre, L. and Vayatis, N. (2020). Selective review of offline
#' change point detection methods. \emph{Signal Processing}, \bold{167},
#' 107299. \doi{10.1016/j.sigpro.2019.107299}
#'
#' Lavielle, M. (2005). Using penalized contrasts for the change-point
#' problem. \emph{Signal Processing}, \bold{85}(8), 1501--1510.
#' \doi{10.1016/j.sigpro.2005.01.012}
#'
#' @keywords internal
"_PACKAGE"


#' Pruned Exact Linear Time (PELT) search
#'
#' Finds the optimal segmentation of `x` under a penalised cost, pruning
#' candidate change points that can never be optimal.
#'
#' @param x A numeric vector or a matrix with one series per column.
#' @param penalty One of `"MBIC"`, `"BIC"`, `"AIC"` or a positive number.
#' @param minseglen Minimum segment length (default 2).
#' @param cost Cost function, see [cost_normal_meanvar()].
#' @return An object of class `"cpt"`.
#'
#' @references
#' Killick, R., Fearnhead, P. and Eckley, I. A. (2012). Optimal detection of
#' changepoints with a linear computational cost. \emph{Journal of the
#' American Statistical Association}, \bold{107}(500), 1590--1598.
#' \doi{10.1080/01621459.2012.737745}
#'
#' Jackson, B., Scargle, J. D., Barnes, D., Arabhi, S., Alt, A., Gioumousis,
#' P., Gwin, E., Sangtrakulcharoen, P., Tan, L. and Tsai, T. T. (2005). An
#' algorithm for optimal partitioning of data on an interval. \emph{IEEE
#' Signal Processing Letters}, \bold{12}(2), 105--108.
#' \doi{10.1109/LSP.2001.838216}
#'
#' Haynes, K., Eckley, I. A. and Fearnhead, P. (2017). Computationally
#' efficient changepoint detection for a range of penalties. \emph{Journal of
#' Computational and Graphical Statistics}, \bold{26}(1), 134--143.
#' \doi{10.1080/10618600.2015.1116445}
#'
#' @seealso [binseg()], [cusum_test()]
#' @examples
#' set.seed(1)
#' x <- c(rnorm(100, 0), rnorm(100, 3), rnorm(100, 1))
#' fit <- pelt(x, penalty = "MBIC")
#' cpts(fit)
#' @export
pelt <- function(x, penalty = "MBIC", minseglen = 2, cost = cost_normal_meanvar) {
  x <- as.matrix(x)
  n <- nrow(x)
  beta <- resolve_penalty(penalty, n, ncol(x))
  # F[t+1] = optimal cost of x[1:t]; R holds the candidate set after pruning
  F <- c(-beta, rep(Inf, n))
  R <- 0L
  last <- integer(n + 1)
  for (t in seq_len(n)) {
    cand <- F[R + 1] + vapply(R, function(s) cost(x, s, t), numeric(1)) + beta
    F[t + 1] <- min(cand)
    last[t + 1] <- R[which.min(cand)]
    R <- c(R[cand - beta <= F[t + 1]], t)  # pruning step (Killick et al. 2012, eq. 3.1)
  }
  new_cpt(backtrack(last, n), method = "PELT", penalty = beta)
}


#' Binary and wild binary segmentation
#'
#' @inheritParams pelt
#' @param wild Logical; if `TRUE` use wild binary segmentation with `M`
#'   random intervals.
#' @param M Number of random intervals for WBS (default 5000).
#'
#' @references
#' Scott, A. J. and Knott, M. (1974). A cluster analysis method for grouping
#' means in the analysis of variance. \emph{Biometrics}, \bold{30}(3),
#' 507--512. \doi{10.2307/2529204}
#'
#' Fryzlewicz, P. (2014). Wild binary segmentation for multiple change-point
#' detection. \emph{The Annals of Statistics}, \bold{42}(6), 2243--2281.
#' \doi{10.1214/14-AOS1245}
#'
#' @export
binseg <- function(x, penalty = "BIC", minseglen = 2, wild = FALSE, M = 5000) {
  intervals <- if (wild) draw_intervals(length(x), M) else NULL
  new_cpt(bs_recursive(x, 1, length(x), intervals, minseglen,
                       resolve_penalty(penalty, length(x), 1)),
          method = if (wild) "WBS" else "BinSeg")
}


#' CUSUM test for a single change in mean
#'
#' Classical CUSUM statistic with the asymptotic (Brownian bridge) p-value.
#'
#' @param x A numeric vector.
#' @param h Decision threshold in units of the estimated standard deviation.
#'   The default of 4 follows common practice for one-sided schemes.
#'
#' @references
#' Page, E. S. (1954). Continuous inspection schemes. \emph{Biometrika},
#' \bold{41}(1/2), 100--115. \doi{10.1093/biomet/41.1-2.100}
#'
#' Yao, Y.-C. (1988). Estimating the number of change-points via Schwarz'
#' criterion. \emph{Statistics & Probability Letters}, \bold{6}(3),
#' 181--189. \doi{10.1016/0167-7152(88)90118-6}
#'
#' Csörgő, M. and Horváth, L. (1997). \emph{Limit Theorems in Change-Point
#' Analysis}. Wiley Series in Probability and Statistics. Chichester: Wiley.
#'
#' @export
cusum_test <- function(x, h = 4) {
  # Page (1954) one-sided scheme, two-sided version via max |S_k|
  n <- length(x)
  s <- cumsum(x - mean(x)) / (sd(x) * sqrt(n))
  stat <- max(abs(s))
  k <- which.max(abs(s))
  structure(list(statistic = stat, location = k,
                 p.value = 1 - pkolmogorov1x(stat), alarm = stat > h / sqrt(n)),
            class = "cusum_test")
}


#' Circular binary segmentation (CBS)
#'
#' Segmentation of DNA copy-number profiles.
#'
#' @inheritParams pelt
#' @param alpha Significance level for accepting a change.
#' @param nperm Number of permutations for the reference distribution.
#'
#' @references
#' \itemize{
#'   \item Olshen, A. B., Venkatraman, E. S., Lucito, R. and Wigler, M.
#'     (2004). Circular binary segmentation for the analysis of array-based
#'     DNA copy number data. \emph{Biostatistics}, 5(4), 557--572.
#'     \doi{10.1093/biostatistics/kxh008}
#'   \item Zhang, N. R. and Siegmund, D. O. (2007). A modified Bayes
#'     information criterion with applications to the analysis of comparative
#'     genomic hybridization data. \emph{Biometrics}, 63(1), 22--32.
#'     \doi{10.1111/j.1541-0420.2006.00662.x}
#' }
#' @export
cbs <- function(x, alpha = 0.01, nperm = 10000, minseglen = 2) {
  stopifnot(is.numeric(x), alpha > 0, alpha < 1)
  new_cpt(cbs_recursive(x, alpha, nperm, minseglen), method = "CBS")
}


#' Non-parametric divisive estimation (E-divisive)
#'
#' Hierarchical divisive estimation of multiple change points based on
#' energy distances; see the package-level documentation for a review of
#' alternatives.
#'
#' @param X A matrix with observations in rows.
#' @param sig.lvl Significance level for the permutation test.
#' @param R Number of permutations.
#' @param alpha Moment index of the energy distance, in (0, 2].
#'
#' @references Matteson, D. S. and James, N. A. (2014). A nonparametric
#' approach for multiple change point analysis of multivariate data.
#' \emph{Journal of the American Statistical Association}, \bold{109}(505),
#' 334--345. \doi{10.1080/01621459.2013.849605}
#'
#' @export
e_divisive <- function(X, sig.lvl = 0.05, R = 199, alpha = 1, minseglen = 30) {
  X <- as.matrix(X)
  if (alpha <= 0 || alpha > 2) stop("`alpha` must be in (0, 2]", call. = FALSE)
  new_cpt(edivisive_recursive(X, sig.lvl, R, alpha, minseglen), method = "E-divisive")
}
