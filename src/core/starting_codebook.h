#pragma once

#include <vector>

#include "core/interview.h"

namespace samskab::core {

// The codebook every partnership starts from, taken from the evaluation booklet (VIVE/RUC,
// "Samskabelse"): the three elements of motivation and benefit (fleksibilitet, ligeværdighed,
// mangfoldighed), the three elements of the host role (forbindende, inviterende, faciliterende
// værtsskab), and the booklet's seven promoters and five inhibitors of vulnerable citizens'
// participation ("Fremmere og hæmmere for sårbare borgeres deltagelse"), in the booklet's order.
// Descriptions paraphrase the booklet closely, in Danish and English.
//
// A partnership gets a copy of these themes the first time it changes its codebook (or codes a
// passage); the ids stay the same in every copy, so that partnerships can be compared later.
const std::vector<Theme>& starting_codebook();

// The themes of `group` in the starting codebook, in order: the promoters and the inhibitors
// are also the items of the twice-yearly promoters/inhibitors check (core/self_assessment.h).
std::vector<Theme> starting_themes(ThemeGroup group);

}  // namespace samskab::core
