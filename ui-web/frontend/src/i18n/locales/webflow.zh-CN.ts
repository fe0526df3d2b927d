// 工作页各校准点的结果（`pointResults`）与日历上他人的预约（`busyBooking`）。
const webflowZhCN = {
    pointResults: {
        unit: '各校准点，单位 {unit}',
        point: '校准点',
        nominal: '标称值',
        indication: '被校仪器平均值',
        reference: '标准值',
        error: '示值误差',
        U: 'U',
        k: 'k',
        conformity: '符合性',
    },
    busyBooking: {
        label: '已占用',
        title: '该设备此时段已被占用',
    },
};

export default webflowZhCN;
