#pragma once

#include <callab/lab/enum_names.hpp>
#include <callab/lab/rejection.hpp>
#include <callab/lab/strong_id.hpp>

#include <string>

namespace callab::lab {

/// Enterprise size class (micro/small/medium/large, as in the SME classification).
enum class SizeClass { micro, small, medium, large };

inline constexpr EnumNames<SizeClass, 4> size_class_names{{{SizeClass::micro, "micro"},
                                                           {SizeClass::small, "small"},
                                                           {SizeClass::medium, "medium"},
                                                           {SizeClass::large, "large"}}};

/// A customer enterprise.
struct NewEnterprise {
    std::string name;
    std::string credit_code; ///< unified social credit code, 18 characters, GB 32100-2015
    std::string region;      ///< e.g. "Zhejiang/Hangzhou"
    std::string industry;
    SizeClass size = SizeClass::small;
    std::string contacts; ///< free text: names, phones, e-mail
};

struct Enterprise {
    EnterpriseId id;
    NewEnterprise data;
};

/// Name and region present, credit code valid. Rejections name the field.
Outcome<void> validate_enterprise(const NewEnterprise& enterprise);

} // namespace callab::lab
