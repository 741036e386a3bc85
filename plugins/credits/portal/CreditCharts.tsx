'use client'
/** The registrar's charts (Apache ECharts): credits by course, by category and by month. */
import * as echarts from 'echarts'
import { useEffect, useRef } from 'react'

export type ChartSeries = { title: string; kind: 'bar' | 'pie' | 'line'; labels: string[]; values: number[] }

function Chart({ series }: { series: ChartSeries }) {
  const ref = useRef<HTMLDivElement>(null)
  useEffect(() => {
    if (!ref.current) return
    const chart = echarts.init(ref.current, undefined, { renderer: 'svg' })
    chart.setOption(
      series.kind === 'pie'
        ? { tooltip: {}, series: [{ type: 'pie', radius: '65%', data: series.labels.map((name, i) => ({ name, value: series.values[i] })) }] }
        : {
            tooltip: {},
            grid: { left: 48, right: 16, top: 16, bottom: 72 },
            xAxis: { type: 'category', data: series.labels, axisLabel: { rotate: series.kind === 'bar' ? 30 : 0, interval: 0 } },
            yAxis: { type: 'value' },
            series: [{ type: series.kind, data: series.values, itemStyle: { color: '#a61b29' } }],
          },
    )
    const resize = () => chart.resize()
    window.addEventListener('resize', resize)
    return () => {
      window.removeEventListener('resize', resize)
      chart.dispose()
    }
  }, [series])
  const summary = series.labels.map((label, i) => `${label}: ${series.values[i]}`).join('; ')
  return (
    <figure className="panel">
      <figcaption>
        <strong>{series.title}</strong>
      </figcaption>
      <div ref={ref} className="chart" role="img" aria-label={`${series.title}. ${summary}`} />
    </figure>
  )
}

export function CreditCharts({ charts }: { charts: ChartSeries[] }) {
  return (
    <div className="charts">
      {charts.map((series) => (
        <Chart key={series.title} series={series} />
      ))}
    </div>
  )
}
