#pragma once

#include <callab/lab/certificate_error.hpp>
#include <callab/lab/certificate_kind.hpp>

#include <boost/system/result.hpp>

#include <chrono>
#include <optional>
#include <string>
#include <vector>

namespace callab::lab {

/// Text meant for people, in the certificate's two languages. Chinese is the mandatory one.
struct BilingualText {
    std::string zh;
    std::string en;

    bool empty() const { return zh.empty() && en.empty(); }
};

/// ILAC-G8 statements of conformity (DCC `conformity` values).
enum class Conformity {
    not_stated,       ///< no statement for this point
    pass,             ///< inside the acceptance zone
    fail,             ///< outside the tolerance plus the guard band
    conditional_pass, ///< between the acceptance limit and the tolerance limit
    conditional_fail, ///< between the tolerance limit and the tolerance plus the guard band
};

/// Where the work was done (ISO/IEC 17025 §7.8.2.1 c; DCC `performanceLocation`).
enum class PerformanceLocation {
    laboratory,
    customer,
    laboratory_branch,
    customer_branch,
    other,
};

/// Who issued the identification of an item (DCC `issuer`).
enum class IdentificationIssuer {
    manufacturer,
    calibration_laboratory,
    customer,
    owner,
    other,
};

struct CertificateLaboratory {
    BilingualText name;
    BilingualText address;
    std::string city;          ///< e.g. "Hangzhou"
    std::string country_code;  ///< ISO 3166-1 alpha-2, e.g. "CN"
    std::string accreditation; ///< e.g. "CNAS L0000"; empty when not accredited
    std::string phone;         ///< optional
    std::string email;         ///< optional
};

struct CertificateCustomer {
    BilingualText name; ///< the enterprise (委托方)
    BilingualText address;
    std::string city;
    std::string country_code;
};

struct ItemIdentification {
    IdentificationIssuer issuer = IdentificationIssuer::calibration_laboratory;
    std::string value;
    BilingualText name; ///< e.g. 管理编号 / Asset no.
};

struct CertificateItem {
    BilingualText kind; ///< 器具名称, e.g. 红外额温计 / Infrared forehead thermometer
    BilingualText manufacturer;                      ///< 制造厂
    std::string model;                               ///< 型号规格
    std::string serial;                              ///< 出厂编号; empty when the item has none
    std::vector<ItemIdentification> identifications; ///< further ids (asset no., order no.)
    BilingualText condition;                         ///< state on receipt (§7.8.2.1 g), optional
};

/// An environmental condition during the work, as the range observed.
struct EnvironmentRange {
    double minimum = 0;
    double maximum = 0;
    std::string unit; ///< D-SI: `\degreecelsius` for temperature, `\percent` for humidity
};

struct CertificateEnvironment {
    EnvironmentRange temperature;
    EnvironmentRange humidity;
};

struct CertificateMethod {
    std::string reference;    ///< e.g. "JJF 1107-2003"
    BilingualText title;      ///< e.g. 测量人体温度的红外温度计校准规范
    BilingualText deviations; ///< additions, deviations, exclusions (§7.8.2.1 n); optional
};

/// A reference standard used, with what makes the result traceable.
struct ReferenceStandardUsed {
    BilingualText name;
    std::string model;
    std::string serial;
    std::string certificate_number; ///< its own calibration certificate
    BilingualText issuer;           ///< who calibrated it
    std::chrono::year_month_day due_date{};
    std::string characteristics; ///< U (k) or accuracy class, e.g. "U = 0.03 ℃ (k=2)"
};

/// One test point of a results table; numbers are in the group's unit.
struct ResultPoint {
    double nominal = 0;
    double reference_value = 0;
    double indication = 0;
    double error = 0;
    double correction = 0;
    double expanded_uncertainty = 0;
    double coverage_factor = 2;
    double coverage_probability = 0.95;
    std::optional<double> mpe; ///< maximum permissible error, symmetric (±)
    Conformity conformity = Conformity::not_stated;
};

/// A table of results for one quantity in one unit (one DCC `result`, one chart).
struct ResultGroup {
    BilingualText quantity; ///< e.g. 示值误差 / Error of indication
    std::string unit;       ///< D-SI, e.g. `\degreecelsius`, `\volt`, `\watt`
    int decimals = 2;       ///< digits after the point in the table and the DCC
    std::vector<ResultPoint> points;
};

struct CertificatePerson {
    BilingualText name;
    BilingualText title; ///< e.g. 技术负责人 / Technical manager; optional
};

/// Everything a calibration certificate states, independent of how the job was stored.
/// `check_certificate_content` says whether it is complete; the PDF and the DCC are
/// rendered from it alone.
struct CertificateContent {
    std::string number; ///< 证书编号, unique, e.g. CAL-2026-000123
    CertificateKind kind = CertificateKind::calibration;
    std::chrono::year_month_day issue_date{};
    CertificateLaboratory laboratory;
    CertificateCustomer customer;
    CertificateItem item;
    std::chrono::year_month_day receipt_date{};
    std::chrono::year_month_day performance_begin{};
    std::chrono::year_month_day performance_end{};
    PerformanceLocation location = PerformanceLocation::laboratory;
    BilingualText place; ///< 校准地点 as printed, e.g. the room
    CertificateEnvironment environment;
    CertificateMethod method;
    std::vector<ReferenceStandardUsed> reference_standards;
    BilingualText traceability; ///< how the results are traceable (§7.8.4.1 c)
    std::vector<ResultGroup> results;
    BilingualText decision_rule;  ///< required when any point states conformity
    CertificatePerson calibrator; ///< 校准员
    CertificatePerson reviewer;   ///< 核验员
    CertificatePerson signatory;  ///< 批准人 (authorises the report, §7.8.2.1 o)
    BilingualText remarks;        ///< optional
    bool recalibration_interval_requested = false;    ///< the customer asked for one (§7.8.4.3)
    std::optional<int> recalibration_interval_months; ///< only when requested
    std::string verification_url;                     ///< printed as a QR code
    std::optional<std::string> replaces_number;       ///< the certificate this one amends
    BilingualText amendment_reason;                   ///< required with replaces_number
};

/// Checks that the content is complete and consistent enough to be issued: every required
/// field present in both languages, dates in order, finite numbers, U ≥ 0, k ≥ 1, known
/// units, a decision rule wherever conformity is stated, an interval only when asked.
/// The error names the first offending field (e.g. `results[0].points[2].error`).
boost::system::result<void, CertificateError>
check_certificate_content(const CertificateContent& content);

} // namespace callab::lab
