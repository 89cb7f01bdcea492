//! Examples one click away: the three hard cases of the study's Table 7 and
//! a few everyday ones.

/// (label, text, reference list)
pub const EXAMPLES: &[(&str, &str, &str)] = &[
    (
        "Table 7: “DukeMTMC” with DukeMTMC-reID's statistics",
        "Experiments were performed on four of the largest ReID benchmarks, i.e., Market1501 [45], CUHK03 [17], DukeMTMC [33], and MSMT17 [40]. DukeMTMC provides 16,522 bounding boxes of 702 identities for training and 17,661 for testing.",
        "[33] E. Ristani, F. Solera, R. Zou, R. Cucchiara, and C. Tomasi. Performance measures and a data set for multi-target, multi-camera tracking. In ECCV Workshops, 2016.",
    ),
    (
        "Table 7: LFW, aligned, with age and gender labels",
        "We used the publicly available database Labeled Faces in the Wild (LFW)[6] for the task. The LFW database provides aligned face images with ground truth including age, gender, and ethnicity labels.",
        "[6] G. B. Huang, M. Ramesh, T. Berg, and E. Learned-Miller. Labeled faces in the wild: A database for studying face recognition in unconstrained environments. Technical Report 07-49, University of Massachusetts, Amherst, 2007.",
    ),
    (
        "Table 7: “a cleaned version of MS-Celeb-1M”",
        "MS-Celeb-1M includes 1M images of 100K subjects. Since it contains many labeling noise, we use a cleaned version of MS-Celeb-1M [16].",
        "[16] Y. Guo, L. Zhang, Y. Hu, X. He, and J. Gao. MS-Celeb-1M: A dataset and benchmark for large-scale face recognition. In ECCV, 2016.",
    ),
    (
        "A renamed derivative: ms1m-v2",
        "Our models are trained on ms1m-v2 (5.8M images of 85K identities) and evaluated on LFW, CFP-FP and AgeDB-30.",
        "",
    ),
    (
        "A pre-trained model",
        "Face embeddings are extracted with a pre-trained FaceNet model and clustered with k-means.",
        "",
    ),
];
